import ACD
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOPosix
import Presence
import ServiceLifecycle
import SIPStack
import SIPTransaction
import SIPTransport

/// switchboardd as a swift-service-lifecycle service: binds the SIP listeners, runs the call flow on
/// one event loop, and on graceful shutdown (SIGTERM) drains: 503 + Retry-After for new calls and
/// OPTIONS for at least `drainMinimum`, calls in progress go on until they end or `drainMaximum`.
public struct SwitchboardService: Service {
    /// The validated configuration.
    public let configuration: SwitchboardConfiguration
    /// The daemon's logger.
    public let logger: Logger

    /// Creates the service.
    public init(configuration: SwitchboardConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until graceful shutdown has drained the calls.
    public func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let eventLoop = group.next()
        let transport = SIPTransport(configuration: configuration.transport, eventLoop: eventLoop, logger: logger)
        try await transport.start()
        let configuration = configuration
        let logger = logger
        let epoch = ACDInstant(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000_000))
        let distributor = try ACDDistributor(configuration: configuration.acd, epoch: epoch, logger: logger)
        let bridge = try makePresenceBridge()
        let core = try await eventLoop.submit {
            let timers = TransactionTimers(t1: configuration.timers.t1, t2: configuration.timers.t2, t4: configuration.timers.t4)
            let layer = TransactionLayer(transport: transport, timers: timers, logger: logger)
            let core = try SwitchboardCore(configuration: configuration, layer: layer, distributor: distributor, logger: logger)
            core.presence = bridge
            return core
        }.get()
        let presenceTask = Task {
            do {
                try await bridge.run(core: core)
            } catch {
                logger.error("presence source stopped", metadata: ["presence.error": "\(error)"])
            }
        }
        var statusChannel: (any Channel)?
        if let control = configuration.control {
            statusChannel = try await StatusServer.start(host: control.host, port: control.port, token: control.token, group: group) {
                try await eventLoop.submit { core.statusReport }.get()
            }
            logger.info("status endpoint", metadata: ["control.address": "\(control.host):\(statusChannel?.localAddress?.port ?? control.port)"])
        }
        logger.notice("switchboardd ready", metadata: ["sip.listeners": "\(configuration.transport.listeners.count)",
                                                       "acd.queues": "\(configuration.acd.queues.count)"])
        try? await gracefulShutdown()
        try await eventLoop.submit { core.startDraining() }.get()
        let started = ContinuousClock.now
        while true {
            let elapsed = ContinuousClock.now - started
            let calls = try await eventLoop.submit { core.liveCounts.calls }.get()
            if elapsed >= configuration.limits.drainMaximum || (calls == 0 && elapsed >= configuration.limits.drainMinimum) { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        presenceTask.cancel()
        try await eventLoop.submit { core.stop() }.get()
        try? await statusChannel?.close()
        await transport.stop()
        try await group.shutdownGracefully()
        logger.notice("switchboardd stopped")
    }

    /// The presence source the configuration names, or a static table with every agent Available.
    private func makePresenceBridge() throws -> PresenceBridge {
        let users = Dictionary(configuration.acd.agents.map { ($0.id.rawValue, $0.teamsObjectID.isEmpty ? $0.id.rawValue : $0.teamsObjectID.lowercased()) },
                               uniquingKeysWith: { first, _ in first })
        let presence = configuration.presence ?? .static(Dictionary(users.values.map { ($0, .available) }, uniquingKeysWith: { first, _ in first }))
        let source = try presence.makeSource(agentIDs: Array(users.values), httpClient: .shared, logger: logger)
        return PresenceBridge(source: source, users: users, logger: logger)
    }
}
