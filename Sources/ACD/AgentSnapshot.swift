import TeamsPresence

/// An agent as the engine sees it now, for the control API.
public struct AgentSnapshot: Hashable, Sendable {
    /// The agent.
    public var id: AgentID
    /// Status set by the agent, a supervisor or RONA.
    public var status: AgentStatus
    /// State kept by Switchboard.
    public var state: AgentState
    /// Last Teams presence, `nil` before the first observation.
    public var presence: TeamsPresence?
    /// When ``presence`` was observed.
    public var presenceObservedAt: ACDInstant?
    /// The end of the current back-off, if one is running.
    public var backOffUntil: ACDInstant?
    /// Consecutive counted misses towards RONA.
    public var consecutiveMisses: Int
    /// When the agent's RONA break ends, while the engine holds the agent on one.
    public var ronaBreakUntil: ACDInstant?
}
