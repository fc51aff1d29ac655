/// A callback entry taken back after a restart (`CallRouter+Restore`): the call continues where the
/// caller left it, with the calls back already made counted toward the next one's attempt number.
extension CallSession {
    /// Makes this new session a callback entry awaiting an agent, `attempts` calls back made before.
    func restoreCallback(attempts: Int, ringTimeout: Duration) {
        machine = .restoredCallback(callID: callID, ringTimeout: ringTimeout)
        callback.attempts = attempts
    }
}

extension CallSession {
    /// Whether the call is a callback entry with nothing in progress (no caller's leg, no agent rung):
    /// the store keeps it, so a stop loses nothing of it and a drain need not wait for it.
    var outlivesRestart: Bool {
        guard case .awaitingAgent = machine.callback else { return false }
        return machine.ringing.isEmpty
    }
}
