extension CallStateMachine {
    /// Answered hold, from the caller's side: whether Switchboard answered the caller itself.
    enum Hold: Hashable, Sendable {
        /// No answered hold (ringback), or it could not start.
        case none
        /// The caller's stream is being opened; the caller has only had 100 Trying.
        case starting
        /// Early media: the caller hears the hold media after a 183 with Switchboard's SDP, unanswered.
        case early
        /// The caller has Switchboard's 200 OK but has not acknowledged it yet.
        case answered
        /// The caller acknowledged Switchboard's 200 OK and hears the hold media.
        case playing
    }

    /// Answered hold: the caller's stream opening or failing, the ACK of Switchboard's own 200 OK, and
    /// the keys the answered caller presses while waiting (told to the queue engine; ignored once an
    /// agent answered). Nil when the event is not about the hold (the state's own handling applies).
    mutating func handleHold(_ event: Event) -> [Action]? {
        switch event {
        case .holdReady:
            guard hold == .starting, case .waiting = state else { return [.stopHold] }
            if earlyMedia {
                hold = .early
                return [.sendEarlyMedia]
            }
            hold = .answered
            callerAnswered = true
            return [.answerCallerForHold]
        case .holdUnavailable:
            guard hold == .starting else { return [] }
            hold = .none
            if case .waiting = state { return [.ringBack] }
            return []
        case .callerPressed(let key):
            guard callerAnswered, case .waiting = state else { return [] }
            return [.notify(.callerPressedKey(callID, key: key))]
        case .agentAnswered(let attempt, let toTag) where hold == .early:
            return answerEarlyCaller(attempt: attempt, toTag: toTag)
        case .callerAcknowledged where hold == .answered:
            hold = .playing
            guard case .waiting = state else { return nil }
            return []
        default:
            return nil
        }
    }
}
