extension ACDEngine {
    /// The exit key of the queue an unanswered caller waits in now (after any overflow to another
    /// queue); nil when that queue has none or the engine holds no such caller.
    public func exitKey(of callID: CallID) -> Character? {
        guard let slot = slotByCall[callID], let caller = callers[slot] else { return nil }
        if case .connected = caller.phase { return nil }
        return queues[caller.queue].configuration.exitKey
    }
}
