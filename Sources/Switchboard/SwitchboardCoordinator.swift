import ACD
import AsyncHTTPClient
import B2BUA
import CallStore
import YAMLConfiguration
import Foundation
import Logging
import NIOCore
import Presence
import SIPStack
import SIPTransaction
import SIPTransport

/// The coordinator: builds the layers on one event loop from a validated configuration and ties
/// them together. SIP arrives at the transport, goes up through the transaction layer to the call
/// router; the router asks the ACD engine (behind `CallDistributor`) who gets each call; Teams
/// presence reaches the engine through the presence feed. One clock (the loop's timer wheel) for all.
public final class SwitchboardCoordinator: @unchecked Sendable {
    /// The SIP listeners, bound.
    public let transport: SIPTransport
    /// The RFC 3261 transaction layer.
    public let stack: TransactionLayer
    /// The B2BUA's call router.
    public let router: CallRouter
    /// The ACD engine behind the router.
    public let distributor: ACDCallDistributor
    /// Teams presence into the engine.
    public let presence: PresenceFeed
    /// OPTIONS pings and B-leg reports: whether each trunk is up.
    public let trunks: TrunkMonitor
    /// Call records, offer attempts, the queue log and agent statuses (queries may block: call them off the loop).
    public let store: any ContactCenterStore
    /// The store's batched writer, fed from the loop.
    private let writer: StoreWriter
    /// The wall-clock instant the loop's clock counts from (the daemon's start).
    let epoch: Date
    /// The configuration in effect: the file read at start-up, or at the last reload (read and
    /// replaced on the loop).
    var configuration: SwitchboardConfiguration
    private let trimmer: MemoryTrimmer
    /// The registry `GET /metrics` renders.
    let metrics: SwitchboardMetrics
    /// The snapshot series, refreshed on each scrape (on the loop).
    let queueGauges: QueueGauges
    let statusGauges: StatusGauges
    /// The media edge, when some queue answers its callers (answered hold).
    let media: MediaEdge?
    /// Answered hold on the loop, beside the router, when the media edge runs.
    let hold: AnsweredHold?

    private init(transport: SIPTransport, stack: TransactionLayer, router: CallRouter, distributor: ACDCallDistributor, presence: PresenceFeed,
                 trunks: TrunkMonitor, store: any ContactCenterStore, writer: StoreWriter, epoch: Date, metrics: SwitchboardMetrics,
                 configuration: SwitchboardConfiguration, media: MediaEdge?, hold: AnsweredHold?) {
        self.transport = transport
        self.media = media
        self.hold = hold
        self.stack = stack
        self.router = router
        self.distributor = distributor
        self.presence = presence
        self.trunks = trunks
        self.store = store
        self.writer = writer
        self.epoch = epoch
        self.metrics = metrics
        self.configuration = configuration
        let queues = distributor.configuration.queues.map(\.id)
        queueGauges = QueueGauges(factory: metrics.factory, queues: queues)
        statusGauges = StatusGauges(factory: metrics.factory)
        trimmer = MemoryTrimmer(wheel: stack.timerWheel)
        trimmer.start()
    }

    /// Binds the SIP listeners on `eventLoop` and builds every layer above them; the layers record
    /// their series into `metrics`.
    public static func start(configuration: SwitchboardConfiguration, eventLoop: any EventLoop, httpClient: HTTPClient,
                             logger: Logger, metrics: SwitchboardMetrics = SwitchboardMetrics()) async throws -> SwitchboardCoordinator {
        let (store, restored) = try openStore(configuration.storage, logger: logger)
        let transport = SIPTransport(configuration: configuration.transport, eventLoop: eventLoop, logger: logger)
        try await transport.start()
        let source = try makePresenceSource(configuration: configuration, httpClient: httpClient, logger: logger, metrics: metrics)
        let writer = StoreWriter(store: store, flushInterval: configuration.storage.flushInterval,
                                 capacity: configuration.storage.maximumPendingChanges, logger: logger)
        let keys = KeyForwarder(loop: eventLoop)
        let media = try await MediaEdge.start(configuration, keys: keys, logger: logger)
        return try await eventLoop.submit {
            let timers = TransactionTimers(t1: configuration.timers.t1, t2: configuration.timers.t2, t4: configuration.timers.t4)
            let stack = TransactionLayer(sender: transport, timers: timers, logger: logger,
                                         maximumServerTransactions: configuration.limits.maximumServerTransactions,
                                         retryAfterSeconds: configuration.limits.retryAfterSeconds)
            transport.onMessage = { stack.receive($0) }
            let started = Date()
            let epoch = ACDInstant(nanosecondsSinceEpoch: Int64(started.timeIntervalSince1970 * 1_000_000_000))
            let distributor = try ACDCallDistributor(configuration: configuration.acd, wheel: stack.timerWheel, epoch: epoch, logger: logger)
            let recorder = CallRecorder(writer: writer, configuration: configuration.acd, restored: restored)
            distributor.recorder = recorder
            let callMetrics = CallMetrics(factory: metrics.factory, queues: configuration.acd.queues.map(\.id))
            distributor.metrics = callMetrics
            restore(restored, into: distributor, recorder: recorder, now: started)
            let router = CallRouter(stack: stack, configuration: try routerConfiguration(configuration, transport: transport),
                                    distributor: distributor, logger: logger) { record in
                logger.info("call record", metadata: record.metadata)
                recorder.finished(record, at: ACDCallDistributor.date(epoch + record.endedAt))
                callMetrics.finished(record)
            }
            distributor.sink = router
            if configuration.limits.overloadControl { router.inboundBacklog = { transport.udpBacklog() } }
            let hold = media.map { edge in
                AnsweredHold(engine: edge.engine, wheel: stack.timerWheel, queues: configuration.holdMedia,
                             words: configuration.announcementWords, srtp: configuration.media.srtp,
                             logger: logger) { [unowned distributor] callID, queue in
                    distributor.place(of: callID, in: queue)
                }
            }
            hold?.anchorsMedia = configuration.media.mode == .anchored
            router.holdMedia = hold
            router.callbackMedia = hold
            keys.hold = hold
            distributor.onMove = hold.map { hold in { [unowned hold] callID, queue in hold.moved(callID, to: queue) } }
            let presence = PresenceFeed(source: source, users: presenceUsers(configuration), distributor: distributor, wheel: stack.timerWheel)
            let trunks = try trunkMonitor(configuration, stack: stack, router: router, transport: transport, logger: logger)
            return SwitchboardCoordinator(transport: transport, stack: stack, router: router, distributor: distributor, presence: presence,
                                          trunks: trunks, store: store, writer: writer, epoch: started, metrics: metrics,
                                          configuration: configuration, media: media, hold: hold)
        }.get()
    }

    /// Stops the loop's timer wheel once the services are done (pending timers never fire), then
    /// commits what the store's writer still holds.
    public func stop() async throws {
        try await stack.eventLoop.submit {
            self.trunks.stop()
            self.stack.timerWheel.stop()
        }.get()
        try await media?.stop()
        writer.close()
    }

    /// Each number a queue serves and that queue's name (the first queue listing a number wins).
    static func queueByNumber(_ configuration: ACDConfiguration) -> [String: String] {
        var queueByNumber: [String: String] = [:]
        for queue in configuration.queues {
            for number in queue.numbers where queueByNumber[number] == nil { queueByNumber[number] = queue.id.rawValue }
        }
        return queueByNumber
    }

    /// The router's view of the first trunk and Switchboard's address toward it.
    private static func routerConfiguration(_ configuration: SwitchboardConfiguration, transport: SIPTransport) throws -> CallRouterConfiguration {
        let sbc = configuration.trunks[0]
        guard let local = transport.sentBy(for: sbc.transport) else {
            throw ConfigurationError(key: "sip.listen", line: nil, message: "no \(sbc.transport.rawValue) listener for trunk \"\(sbc.name)\"")
        }
        return CallRouterConfiguration(
            trunk: try SIPPeerAddress(transport: sbc.transport, host: sbc.host, port: sbc.port), trunkURIHost: sbc.uriHost,
            localHost: local.host, localPort: local.port, queueByNumber: queueByNumber(configuration.acd),
            maximumConcurrentCalls: configuration.limits.maximumConcurrentCalls,
            maximumWaitingCalls: configuration.limits.maximumWaitingCalls,
            maximumWaitingCallsPerTrunk: configuration.limits.maximumWaitingCallsPerTrunk,
            maximumCallDuration: configuration.limits.maximumCallDuration, retryAfterSeconds: configuration.limits.retryAfterSeconds)
    }

    /// Pings every trunk; the first (the B-legs' trunk) suspends offers while it is down and hears
    /// of every B-leg INVITE. Starts pinging at once.
    private static func trunkMonitor(_ configuration: SwitchboardConfiguration, stack: TransactionLayer, router: CallRouter,
                                     transport: SIPTransport, logger: Logger) throws -> TrunkMonitor {
        let monitored = try configuration.trunks.map { trunk in
            guard let local = transport.sentBy(for: trunk.transport) else {
                throw ConfigurationError(key: "sip.listen", line: nil, message: "no \(trunk.transport.rawValue) listener for trunk \"\(trunk.name)\"")
            }
            return MonitoredTrunk(name: trunk.name, destination: try SIPPeerAddress(transport: trunk.transport, host: trunk.host, port: trunk.port),
                                  uriHost: trunk.uriHost, localHost: local.host, localPort: local.port,
                                  optionsInterval: trunk.optionsInterval, downAfterFailures: trunk.downAfterFailures)
        }
        let monitor = TrunkMonitor(stack: stack, trunks: monitored, logger: logger)
        let bLegTrunk = configuration.trunks[0].name
        router.trunkFeedback.observer = { [unowned monitor] observation in monitor.record(observation, trunk: bLegTrunk) }
        monitor.onChange = { [weak router] name, isUp in
            if name == bLegTrunk { router?.trunkAvailabilityChanged(isUp: isUp) }
        }
        monitor.start()
        return monitor
    }

    /// Each agent id and its presence user id (the Teams object id, or the agent id without one).
    static func presenceUsers(_ configuration: SwitchboardConfiguration) -> [String: String] {
        Dictionary(configuration.acd.agents.map { ($0.id.rawValue, $0.teamsObjectID.isEmpty ? $0.id.rawValue : $0.teamsObjectID.lowercased()) },
                   uniquingKeysWith: { first, _ in first })
    }

    /// The presence source the configuration names, or a static table with every agent Available.
    private static func makePresenceSource(configuration: SwitchboardConfiguration, httpClient: HTTPClient,
                                           logger: Logger, metrics: SwitchboardMetrics) throws -> any PresenceSource {
        let users = presenceUsers(configuration)
        let presence = configuration.presence ?? .static(Dictionary(users.values.map { ($0, .available) }, uniquingKeysWith: { first, _ in first }))
        return try presence.makeSource(agentIDs: Array(users.values), httpClient: httpClient, logger: logger, metricsFactory: metrics.factory)
    }
}
