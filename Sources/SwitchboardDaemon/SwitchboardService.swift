import Logging
import NIOCore
import NIOPosix
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
        let core = try await eventLoop.submit {
            let timers = TransactionTimers(t1: configuration.timers.t1, t2: configuration.timers.t2, t4: configuration.timers.t4)
            let layer = TransactionLayer(transport: transport, timers: timers, logger: logger)
            return try SwitchboardCore(configuration: configuration, layer: layer,
                                       distributor: LongestIdleDistributor(configuration: configuration), logger: logger)
        }.get()
        var statusChannel: (any Channel)?
        if let control = configuration.control {
            statusChannel = try await StatusServer.start(host: control.host, port: control.port, token: control.token, group: group) {
                try await eventLoop.submit { core.statusReport }.get()
            }
            logger.info("status endpoint", metadata: ["control.address": "\(control.host):\(statusChannel?.localAddress?.port ?? control.port)"])
        }
        logger.notice("switchboardd ready", metadata: ["sip.listeners": "\(configuration.transport.listeners.count)",
                                                       "acd.queues": "\(configuration.queues.count)"])
        try? await gracefulShutdown()
        try await eventLoop.submit { core.startDraining() }.get()
        let started = ContinuousClock.now
        while true {
            let elapsed = ContinuousClock.now - started
            let calls = try await eventLoop.submit { core.liveCounts.calls }.get()
            if elapsed >= configuration.limits.drainMaximum || (calls == 0 && elapsed >= configuration.limits.drainMinimum) { break }
            try? await Task.sleep(for: .milliseconds(200))
        }
        try await eventLoop.submit { core.stop() }.get()
        try? await statusChannel?.close()
        await transport.stop()
        try await group.shutdownGracefully()
        logger.notice("switchboardd stopped")
    }
}
