import AsyncHTTPClient
import Logging
import Metrics
import NIOConcurrencyHelpers

/// The Graph presence poller: polls every agent once per interval in batches of at most 650 ids,
/// spreads the batches over the interval, stays inside the tenant's request budget, obeys
/// `Retry-After` and backs off exponentially without it.
///
/// It never blocks call handling: it runs in its own task, requests go out concurrently at their
/// slots, and results reach the daemon through ``updates``. An outage is logged once when it starts
/// and once when it ends, reported as a ``PresenceUpdate/health(_:)`` update and kept in ``status()``.
///
/// ```swift
/// let source = try GraphPresenceSource(configuration: graph, agentIDs: ids, httpClient: .shared, clock: ContinuousClock())
/// let directory = PresenceDirectory(freshness: source.freshness)
/// async let polling: Void = source.run()
/// for await update in source.updates { directory.apply(update) }
/// ```
public final class GraphPresenceSource<C: Clock>: PresenceSource
where C.Instant == ContinuousClock.Instant, C.Duration == Duration {
    /// Observations and health changes; finishes when ``run()`` returns.
    public let updates: AsyncStream<PresenceUpdate>
    /// Staleness budget and unreachable policy from the configuration.
    public let freshness: PresenceFreshness
    private let continuation: AsyncStream<PresenceUpdate>.Continuation
    private let configuration: GraphConfiguration
    private let client: GraphPresenceClient
    private let clock: C
    private let logger: Logger
    private let state: NIOLockedValueBox<GraphPollerState>
    private let agents: NIOLockedValueBox<[String]>
    /// How long each batch request took, answered or not (`switchboard_graph_request_duration_seconds`).
    private let requestDuration: Metrics.Timer

    /// Creates a poller for `agentIDs` (Entra object ids); `clock` drives every schedule and timestamp;
    /// request latency is recorded through `metricsFactory`.
    public init(
        configuration: GraphConfiguration,
        agentIDs: [String],
        httpClient: HTTPClient,
        clock: C,
        logger: Logger = Logger(label: "switchboard.presence.graph"),
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance
    ) throws(GraphPresenceError) {
        self.configuration = configuration
        requestDuration = Metrics.Timer(label: "switchboard_graph_request_duration_seconds", preferredDisplayUnit: .seconds,
                                        factory: metricsFactory)
        self.clock = clock
        self.logger = logger
        self.freshness = configuration.freshness
        self.client = try GraphPresenceClient(
            configuration: configuration, httpClient: httpClient, logger: logger, now: { clock.now })
        var initial = GraphPollerState(configuration: configuration, now: clock.now)
        let ids = Self.normalized(agentIDs)
        initial.setAgentCount(ids.count)
        self.state = NIOLockedValueBox(initial)
        self.agents = NIOLockedValueBox(ids)
        (updates, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    /// Replaces the agents polled (configuration reload); takes effect at the next poll cycle.
    public func setAgents(_ agentIDs: [String]) {
        let ids = Self.normalized(agentIDs)
        agents.withLockedValue { $0 = ids }
        state.withLockedValue { $0.setAgentCount(ids.count) }
    }

    /// Health and counters now.
    public func status() -> PresenceStatus {
        state.withLockedValue { $0.status }
    }

    /// Polls until the task is cancelled, then finishes ``updates`` and returns.
    public func run() async throws {
        defer { continuation.finish() }
        var cycleStart = clock.now
        do {
            while true {
                try await pollCycle(startingAt: cycleStart)
                cycleStart = Self.nextCycleStart(after: cycleStart, interval: configuration.pollInterval, now: clock.now)
                try await clock.sleep(until: cycleStart, tolerance: nil)
            }
        } catch is CancellationError {
            return
        }
    }

    private func pollCycle(startingAt cycleStart: ContinuousClock.Instant) async throws {
        let batches = GraphBatchPlanner.batches(agents.withLockedValue { $0 })
        try await withThrowingDiscardingTaskGroup { group in
            for (index, batch) in batches.enumerated() {
                let slot = GraphBatchPlanner.slot(
                    index: index, of: batches.count, cycleStart: cycleStart, interval: configuration.pollInterval)
                try await waitForPermission(slot: slot)
                group.addTask { await self.poll(batch) }
            }
        }
    }

    private func waitForPermission(slot: ContinuousClock.Instant) async throws {
        while let wait = state.withLockedValue({ $0.requestPermission(slot: slot, now: clock.now) }) {
            try await clock.sleep(until: wait, tolerance: nil)
        }
    }

    private func poll(_ batch: [String]) async {
        let sentAt = clock.now
        do {
            let snapshots = try await client.presences(of: batch)
            recordDuration(since: sentAt)
            let outcome = state.withLockedValue {
                $0.recordSuccess(requested: batch, answered: snapshots, now: clock.now)
            }
            if let health = outcome.health { report(health) }
            for id in outcome.newlyUnknown {
                logger.warning("Graph does not know this agent id", metadata: ["acd.agent": "\(id)"])
            }
            continuation.yield(.observed(snapshots))
        } catch {
            if Task.isCancelled { return }
            recordDuration(since: sentAt)
            let health = state.withLockedValue { $0.recordFailure(error, now: clock.now) }
            logger.debug("Graph presence request failed", metadata: ["graph.error": "\(error)"])
            if let health { report(health) }
        }
    }

    private func recordDuration(since sentAt: ContinuousClock.Instant) {
        let (seconds, attoseconds) = sentAt.duration(to: clock.now).components
        requestDuration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    private func report(_ health: PresenceSourceHealth) {
        switch health {
        case .unreachable(_, let reason):
            logger.warning(
                "Microsoft Graph unreachable: presence follows the unreachable policy",
                metadata: ["graph.reason": "\(reason)", "graph.policy": "\(configuration.unreachablePolicy)"])
        case .reachable:
            logger.notice("Microsoft Graph reachable again")
        }
        continuation.yield(.health(health))
    }

    /// Cycles keep a fixed cadence: a cycle that ran late (slow answers, `Retry-After`) is followed by
    /// one whose past slots go out at once. More than a whole interval late, the schedule starts over
    /// at `now` rather than bursting through the missed cycles.
    private static func nextCycleStart(
        after cycleStart: ContinuousClock.Instant,
        interval: Duration,
        now: ContinuousClock.Instant
    ) -> ContinuousClock.Instant {
        let next = cycleStart + interval
        return next + interval < now ? now : next
    }

    private static func normalized(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.map { $0.lowercased() }.filter { seen.insert($0).inserted }
    }
}

extension GraphPresenceSource where C == ContinuousClock {
    /// Creates a poller on the system's continuous clock.
    public convenience init(
        configuration: GraphConfiguration,
        agentIDs: [String],
        httpClient: HTTPClient,
        logger: Logger = Logger(label: "switchboard.presence.graph"),
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance
    ) throws(GraphPresenceError) {
        try self.init(
            configuration: configuration, agentIDs: agentIDs, httpClient: httpClient, clock: ContinuousClock(),
            logger: logger, metricsFactory: metricsFactory)
    }
}
