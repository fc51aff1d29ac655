/// Counters and health of a presence source, for the control API's status and the metrics endpoint.
///
/// A request sent is later counted once as answered, throttled or failed.
public struct PresenceStatus: Sendable, Hashable {
    /// Reachable, or unreachable since when and why.
    public var health: PresenceSourceHealth
    /// Agents the source reports on.
    public var agents: Int
    /// Batch requests sent to Graph (the one retry after a `401` is not counted again).
    public var requestsSent: Int
    /// Requests Graph answered with presence.
    public var requestsAnswered: Int
    /// Requests Graph answered with `429`.
    public var requestsThrottled: Int
    /// Requests that failed otherwise (no answer, `5xx`, rejected).
    public var requestsFailed: Int
    /// Times the source turned unreachable.
    public var outages: Int
    /// Agents whose ids Graph left out of its last answer (ids it does not know).
    public var unknownAgents: Int
    /// When the last successful answer arrived.
    public var lastSuccessAt: ContinuousClock.Instant?

    /// A status with every counter at zero.
    public init(
        health: PresenceSourceHealth = .reachable,
        agents: Int = 0,
        requestsSent: Int = 0,
        requestsAnswered: Int = 0,
        requestsThrottled: Int = 0,
        requestsFailed: Int = 0,
        outages: Int = 0,
        unknownAgents: Int = 0,
        lastSuccessAt: ContinuousClock.Instant? = nil
    ) {
        self.health = health
        self.agents = agents
        self.requestsSent = requestsSent
        self.requestsAnswered = requestsAnswered
        self.requestsThrottled = requestsThrottled
        self.requestsFailed = requestsFailed
        self.outages = outages
        self.unknownAgents = unknownAgents
        self.lastSuccessAt = lastSuccessAt
    }
}
