import ArgumentParser
import AsyncHTTPClient
import CallStore
import Foundation
import YAMLConfiguration
import Logging
import Metrics
import NIOPosix
import ServiceLifecycle
import Switchboard

/// `switchboardd --config FILE`: the Switchboard daemon.
@main
struct Switchboardd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboardd",
        abstract: "Switchboard: a Connect-model contact center for Microsoft Teams (SIP B2BUA next to the SBC).")

    @Option(name: .long, help: "The YAML configuration file.")
    var config: String

    @Flag(name: .long, help: "Validate the configuration and exit.")
    var check = false

    @Flag(name: .long, help: "Print the queue log of the configured store as Asterisk's queue_log text, then exit (the daemon may be running).")
    var exportQueueLog = false

    @Option(name: .long, help: "With --export-queue-log: only events at or after this Unix time (seconds).")
    var since: Int64?

    func validate() throws {
        if since != nil, !exportQueueLog { throw ValidationError("--since applies to --export-queue-log only") }
        if check, exportQueueLog { throw ValidationError("--check and --export-queue-log do not go together") }
    }

    func run() async throws {
        let configuration: SwitchboardConfiguration
        do {
            configuration = try SwitchboardConfiguration.load(path: config)
        } catch let error as ConfigurationError {
            throw ValidationError("\(config): \(error)")
        }
        if check {
            for warning in configuration.warnings { print("\(config): warning: \(warning)") }
            print("\(config): configuration is valid")
            return
        }
        if exportQueueLog {
            let store = try SQLiteStore(path: configuration.storage.path)
            try store.exportQueueLog(since: Date(timeIntervalSince1970: TimeInterval(since ?? 0))) { text in
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = WireSafeLogHandler(wrapping: StructuredLogHandler(label: label, format: configuration.logFormat))
            handler.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "switchboardd")
        for warning in configuration.warnings {
            logger.warning("\(warning.message)", metadata: ["config.key": "\(warning.key)"])
        }
        let metrics = SwitchboardMetrics()
        MetricsSystem.bootstrap(metrics.factory)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: configuration.limits.shards)
        let loops = Array(group.makeIterator())
        let coordinator = try await SwitchboardCoordinator.start(configuration: configuration, eventLoops: loops,
                                                                 httpClient: .shared, logger: logger, metrics: metrics)
        let reloader = ConfigurationReloader(path: config, coordinator: coordinator, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: SIPTransportService(transports: coordinator.shards.map(\.transport))),
                                                                           .init(service: ReloadService(reloader: reloader))]
        if let control = configuration.control {
            let drain = DrainTrigger()
            let surface = SwitchboardControl(coordinator: coordinator, drain: drain, reloader: reloader)
            services.append(.init(service: drain, successTerminationBehavior: .gracefullyShutdownGroup))
            services.append(.init(service: ControlService(control: control, surface: surface, logger: logger)))
        }
        services.append(.init(service: PresenceService(feed: coordinator.presence, logger: logger)))
        services.append(.init(service: CallService(coordinator: coordinator, limits: configuration.limits, logger: logger)))
        logger.notice("switchboardd ready", metadata: ["sip.listeners": "\(configuration.transport.listeners.count)",
                                                       "sip.shards": "\(configuration.limits.shards)",
                                                       "acd.queues": "\(configuration.acd.queues.count)"])
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [.sigquit], logger: logger))
        try await serviceGroup.run()
        try await coordinator.stop()
        try await group.shutdownGracefully()
        logger.notice("switchboardd stopped")
    }
}
