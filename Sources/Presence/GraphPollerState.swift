/// The poller's bookkeeping: request budget, retry gate, health and counters, in one value that the
/// poller keeps behind a lock. Pure: every method takes `now` and returns what the shell must do.
struct GraphPollerState: Sendable {
    private var budget: GraphRequestBudget
    private var gate: GraphRetryGate
    private var tracker: PresenceHealthTracker
    private var unknownIDs: Set<String> = []
    private(set) var status = PresenceStatus()

    init(configuration: GraphConfiguration, now: ContinuousClock.Instant) {
        budget = GraphRequestBudget(
            limit: configuration.requestLimit,
            window: configuration.requestLimitWindow,
            headroom: configuration.requestLimitHeadroom,
            now: now
        )
        gate = GraphRetryGate(initialBackoff: configuration.initialBackoff, maximumBackoff: configuration.maximumBackoff)
        tracker = PresenceHealthTracker(failureThreshold: configuration.failuresBeforeUnreachable)
    }

    /// `nil` when a request slotted at `slot` may go out at `now` (a budget token is taken);
    /// otherwise the moment to ask again.
    mutating func requestPermission(slot: ContinuousClock.Instant, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        if now < slot { return slot }
        if let notBefore = gate.notBefore, now < notBefore { return notBefore }
        guard budget.tryAcquire(now: now) else { return budget.nextAvailable(now: now) }
        status.requestsSent += 1
        return nil
    }

    /// Sets the number of agents polled.
    mutating func setAgentCount(_ count: Int) {
        status.agents = count
    }

    /// Records an answer to `requested` that covered `answered`; returns the new health if it changed,
    /// and the ids Graph left out for the first time.
    mutating func recordSuccess(
        requested: [String],
        answered: [PresenceSnapshot],
        now: ContinuousClock.Instant
    ) -> (health: PresenceSourceHealth?, newlyUnknown: [String]) {
        gate.recordSuccess()
        status.requestsAnswered += 1
        status.lastSuccessAt = now
        let answeredIDs = Set(answered.map(\.userID))
        var newlyUnknown: [String] = []
        for id in requested {
            if answeredIDs.contains(id) {
                unknownIDs.remove(id)
            } else if unknownIDs.insert(id).inserted {
                newlyUnknown.append(id)
            }
        }
        status.unknownAgents = unknownIDs.count
        let health = tracker.recordSuccess()
        if let health { status.health = health }
        return (health, newlyUnknown)
    }

    /// Records a failed request; returns the new health if this failure starts an outage.
    mutating func recordFailure(_ error: GraphPresenceError, now: ContinuousClock.Instant) -> PresenceSourceHealth? {
        gate.recordFailure(retryAfter: error.retryAfter, now: now)
        guard error.countsAsOutage else {
            status.requestsThrottled += 1
            return nil
        }
        status.requestsFailed += 1
        guard let health = tracker.recordFailure(reason: error.description, now: now) else { return nil }
        status.health = health
        status.outages += 1
        return health
    }
}
