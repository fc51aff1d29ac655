/// A member that could not take the call, and why.
public struct SkippedAgent: Hashable, Sendable {
    /// The member.
    public var agent: AgentID
    /// The first reason found (status, then state, then presence, then the call's own rules).
    public var reason: SkipReason
}
