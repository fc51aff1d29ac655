extension CallStateMachine {
    /// Early media: the agent answered a caller who hears the hold media after a 183. The caller's 200
    /// repeats the 183's SDP (RFC 3264 §4 and RFC 3261 §13.2.1: the SDP of an unreliable provisional
    /// response was the answer, and the final response must carry the same), and the media release
    /// re-INVITE follows the caller's ACK, as with answered hold.
    mutating func answerEarlyCaller(attempt: Int, toTag: String) -> [Action] {
        guard case .waiting(var ringing) = state, let agent = ringing.removeValue(forKey: attempt) else { return [] }
        hold = .answered
        state = .answering(attempt: attempt, agent: agent)
        let others = ringing.keys.sorted().map { Action.cancelAgent(attempt: $0) }
        return others + [.answerEarlyCaller(attempt: attempt, toTag: toTag), .notify(.offerAnswered(callID, agentID: agent.agentID))]
    }
}
