/// Why the engine stops ringing an agent.
public enum CancelReason: Hashable, Sendable {
    /// Another agent answered the same caller.
    case answeredElsewhere
    /// The caller hung up, or the call is gone.
    case callerLeft
    /// The agent did not answer within the ring timeout (counted as no answer).
    case ringTimeout
    /// The agent's status changed (logged out, break).
    case agentUnavailable
    /// The caller overflowed (max wait, withdraw, exit key).
    case overflow
}
