/// Everything the ACD engine is configured with; the daemon's YAML loader maps onto it.
public struct ACDConfiguration: Hashable, Sendable {
    /// The queues.
    public var queues: [QueueConfiguration]
    /// The agents.
    public var agents: [AgentConfiguration]
    /// Ring-no-answer handling, for all agents.
    public var rona: RONAConfiguration
    /// Presence observed longer ago than this counts as unknown.
    public var presenceStaleness: Duration
    /// How long after an own call a Busy / InACall presence may be that call's echo.
    public var ownCallPresenceGrace: Duration
    /// Serve the longest-waiting caller across all of an agent's queues first (queue weight then
    /// only gives a head start of ``weightHeadStart`` per weight point, so no queue starves).
    public var globalLongestWaitingFirst: Bool
    /// Head start per queue weight point under ``globalLongestWaitingFirst``.
    public var weightHeadStart: Duration
    /// After a trunk failure the caller waits this long before the next offer.
    public var trunkFailureRetryDelay: Duration
    /// How long past a queue's ring timeout the engine waits for the B2BUA's report of an offer
    /// (which knows whether it rang) before it ends the offer itself: a no-answer if the agent's
    /// leg rang, unreachable otherwise.
    public var offerReportGrace: Duration
    /// Overflow hops from queue to queue after which a caller is hung up.
    public var maxOverflowHops: Int
    /// Attach an ``OfferExplanation`` to every offer (costs a scan of the queue's members).
    public var explainOffers: Bool

    /// Creates a configuration.
    public init(
        queues: [QueueConfiguration],
        agents: [AgentConfiguration],
        rona: RONAConfiguration = RONAConfiguration(),
        presenceStaleness: Duration = .seconds(300),
        ownCallPresenceGrace: Duration = .seconds(30),
        globalLongestWaitingFirst: Bool = false,
        weightHeadStart: Duration = .seconds(10),
        trunkFailureRetryDelay: Duration = .seconds(2),
        offerReportGrace: Duration = .seconds(5),
        maxOverflowHops: Int = 8,
        explainOffers: Bool = false
    ) {
        self.queues = queues
        self.agents = agents
        self.rona = rona
        self.presenceStaleness = presenceStaleness
        self.ownCallPresenceGrace = ownCallPresenceGrace
        self.globalLongestWaitingFirst = globalLongestWaitingFirst
        self.weightHeadStart = weightHeadStart
        self.trunkFailureRetryDelay = trunkFailureRetryDelay
        self.offerReportGrace = offerReportGrace
        self.maxOverflowHops = maxOverflowHops
        self.explainOffers = explainOffers
    }
}
