/// An agent now: status, state, presence, today's calls and why the agent is or is not routable
/// (`GET /v1/agents`, `GET /v1/agents/{agent}`, and the answer to every agent action).
public struct AgentView: Codable, Equatable, Sendable {
    /// The agent's id.
    public var id: String
    /// The agent's Teams number.
    public var number: String
    /// `available`, `loggedOut` or `onBreak`.
    public var status: String
    /// The break's reason code while `status` is `onBreak` (`RONA` for a ring-no-answer break).
    public var breakReason: String?
    /// `idle`, `reserved`, `offering`, `onCall` or `wrapUp`.
    public var state: String
    /// The call of a reserved, offering or on-call state.
    public var callID: String?
    /// When wrap-up ends, ISO 8601 UTC.
    public var wrapUpEndsAt: String?
    /// When the ring-no-answer break ends by itself, ISO 8601 UTC (absent for a break that lasts until ended).
    public var ronaBreakEndsAt: String?
    /// When the back-off after a failed offer ends, ISO 8601 UTC.
    public var backOffEndsAt: String?
    /// Consecutive missed offers counted towards a RONA break.
    public var consecutiveMisses: Int
    /// The last Teams presence; absent before the first observation.
    public var presence: PresenceView?
    /// Calls the agent answered today (the daemon's local day).
    public var callsToday: Int
    /// Whether a call of at least one of the agent's queues could be offered to the agent now.
    public var routable: Bool
    /// Why the agent is or is not routable now, in one line.
    public var why: String
    /// Per queue the agent serves: routable, or the reason not.
    public var queues: [AgentQueueView]
    /// Counters since the daemon started.
    public var statistics: AgentStatisticsView

    /// Creates an agent view.
    public init(id: String, number: String, status: String, breakReason: String?, state: String, callID: String?, wrapUpEndsAt: String?,
                ronaBreakEndsAt: String?, backOffEndsAt: String?, consecutiveMisses: Int, presence: PresenceView?, callsToday: Int,
                routable: Bool, why: String, queues: [AgentQueueView], statistics: AgentStatisticsView) {
        self.id = id
        self.number = number
        self.status = status
        self.breakReason = breakReason
        self.state = state
        self.callID = callID
        self.wrapUpEndsAt = wrapUpEndsAt
        self.ronaBreakEndsAt = ronaBreakEndsAt
        self.backOffEndsAt = backOffEndsAt
        self.consecutiveMisses = consecutiveMisses
        self.presence = presence
        self.callsToday = callsToday
        self.routable = routable
        self.why = why
        self.queues = queues
        self.statistics = statistics
    }
}

/// Every agent (`GET /v1/agents`).
public struct AgentList: Codable, Equatable, Sendable {
    /// The agents, in configuration order.
    public var agents: [AgentView]

    /// Wraps the agents.
    public init(agents: [AgentView]) {
        self.agents = agents
    }
}
