import Foundation

/// An agent's current status as the store keeps it (one row per agent), to restore after a restart.
public struct AgentStatusRecord: Sendable, Equatable {
    /// The agent's id.
    public var agent: String
    /// `available`, `loggedOut` or `onBreak`.
    public var status: AgentStatusKind
    /// The break's reason code (`RONA`, `lunch`) while on a break.
    public var reason: String?
    /// When the status was set.
    public var since: Date
    /// When a break ends by itself (a RONA break); `nil` for a break until an operator ends it.
    public var until: Date?

    /// Creates a record.
    public init(agent: String, status: AgentStatusKind, reason: String? = nil, since: Date, until: Date? = nil) {
        self.agent = agent
        self.status = status
        self.reason = reason
        self.since = since
        self.until = until
    }

    /// Whether the agent is paused (on a break).
    public var isPaused: Bool { status == .onBreak }
}

/// The kinds of agent status, as stored in `agent_status.status`.
public enum AgentStatusKind: String, Sendable, CaseIterable {
    /// Ready to take calls.
    case available
    /// Not working.
    case loggedOut
    /// On a break (paused) with a reason code.
    case onBreak
}
