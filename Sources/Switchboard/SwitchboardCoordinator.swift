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

/// The coordinator: binds the listeners and builds the layers from a validated configuration, as
/// `limits.shards` shards (``Shard``: a loop with its own socket, transactions, calls and answered
/// hold; a call lives on the shard its Call-ID hashes to) around one ACD engine on shard 0's loop,
/// reached by message passing (``DistributionHub``). Teams presence reaches the engine through the
/// presence feed, the trunk monitor pings from shard 0, and both use shard 0's timer wheel.
public final class SwitchboardCoordinator: @unchecked Sendable {
    /// Every shard, in order.
    public let shards: [Shard]
    /// The engine side of the shards.
    let hub: DistributionHub
    /// Shard 0's SIP listeners: every TCP/TLS listener and connection, and its UDP socket.
    public var transport: SIPTransport { shards[0].transport }
    /// Shard 0's transaction layer (its timer wheel is the engine's clock).
    public var stack: TransactionLayer { shards[0].stack }
    /// Shard 0's call router.
    public var router: CallRouter { shards[0].router }
    /// The ACD engine behind the routers, on shard 0's loop.
    public var distributor: ACDCallDistributor { hub.distributor }
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

    /// Call on shard 0's loop (the memory trimmer starts on its wheel).
    private init(shards: [Shard], hub: DistributionHub, presence: PresenceFeed, trunks: TrunkMonitor, store: any ContactCenterStore,
                 writer: StoreWriter, epoch: Date, metrics: SwitchboardMetrics, configuration: SwitchboardConfiguration, media: MediaEdge?) {
        self.shards = shards
        self.hub = hub
        self.media = media
        self.presence = presence
        self.trunks = trunks
        self.store = store
        self.writer = writer
        self.epoch = epoch
        self.metrics = metrics
        self.configuration = configuration
        let queues = hub.distributor.configuration.queues.map(\.id)
        queueGauges = QueueGauges(factory: metrics.factory, queues: queues)
        statusGauges = StatusGauges(factory: metrics.factory)
        trimmer = MemoryTrimmer(wheel: shards[0].stack.timerWheel)
        trimmer.start()
    }

    /// Binds the SIP listeners and builds every layer above them with every shard on `eventLoop`
    /// (tests: the shards take turns on one thread); the layers record their series into `metrics`.
    public static func start(configuration: SwitchboardConfiguration, eventLoop: any EventLoop, httpClient: HTTPClient,
                             logger: Logger, metrics: SwitchboardMetrics = SwitchboardMetrics()) async throws -> SwitchboardCoordinator {
        try await start(configuration: configuration, eventLoops: Array(repeating: eventLoop, count: configuration.limits.shards),
                        httpClient: httpClient, logger: logger, metrics: metrics)
    }

    /// Binds the SIP listeners and builds every layer above them, shard `i` on `eventLoops[i]` (one
    /// loop per `limits.shards`); the layers record their series into `metrics`.
    public static func start(configuration: SwitchboardConfiguration, eventLoops: [any EventLoop], httpClient: HTTPClient,
                             logger: Logger, metrics: SwitchboardMetrics = SwitchboardMetrics()) async throws -> SwitchboardCoordinator {
        precondition(eventLoops.count == configuration.limits.shards, "one loop per shard")
        let (store, restored, callbacks) = try openStore(configuration.storage, logger: logger)
        let transports = try await ShardTransports.bind(configuration, on: eventLoops, logger: logger)
        let engineLoop = eventLoops[0]
        let source = try makePresenceSource(configuration: configuration, httpClient: httpClient, logger: logger, metrics: metrics)
        let writer = StoreWriter(store: store, flushInterval: configuration.storage.flushInterval,
                                 capacity: configuration.storage.maximumPendingChanges, logger: logger)
        let keys = KeyForwarder(loops: eventLoops)
        let media = try await MediaEdge.start(configuration, keys: keys, logger: logger)
        let started = Date()
        let (hub, router) = try await engineLoop.submit {
            let epoch = ACDInstant(nanosecondsSinceEpoch: Int64(started.timeIntervalSince1970 * 1_000_000_000))
            let wheel = TimerWheel(eventLoop: engineLoop)
            let distributor = try ACDCallDistributor(configuration: configuration.acd, wheel: wheel, epoch: epoch, logger: logger)
            let recorder = CallRecorder(writer: writer, configuration: configuration.acd, restored: restored)
            distributor.recorder = recorder
            distributor.metrics = CallMetrics(factory: metrics.factory, queues: configuration.acd.queues.map(\.id))
            let hub = DistributionHub(distributor: distributor, eventLoop: engineLoop, shardCount: configuration.limits.shards)
            distributor.sink = hub
            distributor.onMove = { [unowned hub] callID, queue in hub.moved(callID, to: queue) }
            return (hub, try routerConfiguration(configuration, transport: transports[0]))
        }.get()
        var shards: [Shard] = []
        for (index, transport) in transports.enumerated() {
            let shard = try await transport.eventLoop.submit {
                let shard = Shard.build(index: index, transport: transport, configuration: configuration, router: router, hub: hub,
                                        media: media, logger: logger)
                keys.attach(shard.hold, shard: index)
                return shard
            }.get()
            shards.append(shard)
        }
        let built = shards
        try await engineLoop.submit {
            hub.shards = built.map { DistributionHub.Member(eventLoop: $0.eventLoop, router: $0.router, hold: $0.hold) }
            if let recorder = hub.distributor.recorder { restore(restored, into: hub.distributor, recorder: recorder, now: started) }
        }.get()
        try await restore(callbacks, configuration: configuration.acd, shards: built, hub: hub, logger: logger)
        let (presence, trunks) = try await engineLoop.submit {
            let presence = PresenceFeed(source: source, users: presenceUsers(configuration), distributor: hub.distributor,
                                        wheel: hub.distributor.wheel)
            let trunks = try trunkMonitor(configuration, shards: built, transport: transports[0], logger: logger)
            return (presence, trunks)
        }.get()
        try await ShardTransports.connect(built)
        return try await engineLoop.submit {
            SwitchboardCoordinator(shards: built, hub: hub, presence: presence, trunks: trunks, store: store, writer: writer,
                                   epoch: started, metrics: metrics, configuration: configuration, media: media)
        }.get()
    }

    /// Stops the timer wheels once the services are done (pending timers never fire), closes the
    /// shards' sockets, then commits what the store's writer still holds.
    public func stop() async throws {
        try await hub.eventLoop.submit {
            self.trunks.stop()
            self.hub.distributor.wheel.stop()
        }.get()
        for shard in shards {
            try await shard.eventLoop.submit { shard.stack.timerWheel.stop() }.get()
            await shard.transport.stop()
        }
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
