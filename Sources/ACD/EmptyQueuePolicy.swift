/// When a caller may join, or stay in, a queue that has few or no agents.
public enum EmptyQueuePolicy: Hashable, Sendable {
    /// Join and stay whatever the agents do.
    case always
    /// Only while at least one member is logged in (available or on a break).
    case whenAgentLoggedIn
    /// Only while at least one member has the status available (idle or busy).
    case whenAgentAvailable
}
