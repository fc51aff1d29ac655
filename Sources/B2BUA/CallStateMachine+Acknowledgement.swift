extension CallStateMachine {
    /// Applies an event and returns the actions to perform, in order.
    ///
    /// RFC 3261 §15: a UAS must not send BYE on a dialog until it has received the ACK of its 2xx or
    /// the 2xx's retransmissions timed out. When the call ends while the caller has not acknowledged
    /// Switchboard's 200 OK (answered hold, or the agent's SDP), the BYE to the caller and the call's
    /// record wait for that ACK, or for its timeout (64·T1), while the 200 is still retransmitted;
    /// everything else (cancelling agents, telling the queue engine) happens at once.
    public mutating func handle(_ event: Event) -> [Action] {
        if !deferredEnd.isEmpty {
            switch event {
            case .callerAcknowledged, .callerAcknowledgementTimeout:
                defer { deferredEnd = [] }
                return deferredEnd
            case .callerHungUp:
                defer { deferredEnd = [] }
                return deferredEnd.filter { $0 != .hangUpCaller }
            default:
                break
            }
        }
        let awaitingACK = awaitsCallerACK && event != .callerAcknowledged && event != .callerAcknowledgementTimeout
        let actions = decide(event)
        guard awaitingACK, actions.contains(.hangUpCaller) else { return actions }
        deferredEnd = actions.filter(Self.waitsForACK)
        return actions.filter { !Self.waitsForACK($0) }
    }

    /// Whether the caller has Switchboard's 200 OK (its own, for answered hold, or the agent's) and
    /// has not acknowledged it yet.
    var awaitsCallerACK: Bool {
        if hold == .answered { return true }
        if case .answering = state { return true }
        return false
    }

    /// The actions held back until the caller's ACK: the BYE to the caller and the record.
    private static func waitsForACK(_ action: Action) -> Bool {
        switch action {
        case .hangUpCaller, .finished: true
        default: false
        }
    }
}
