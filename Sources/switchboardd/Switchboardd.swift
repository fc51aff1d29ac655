import ArgumentParser
import Logging
import ServiceLifecycle
import SwitchboardDaemon

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

    func run() async throws {
        let configuration: SwitchboardConfiguration
        do {
            configuration = try SwitchboardConfiguration.load(path: config)
        } catch let error as ConfigurationError {
            throw ValidationError("\(config): \(error)")
        }
        if check {
            print("\(config): configuration is valid")
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
            return handler
        }
        let logger = Logger(label: "switchboardd")
        for queue in configuration.acd.queues where queue.ringTimeout >= .seconds(20) {
            logger.warning("ring timeout at or above 20 s: Teams may send the call to the agent's voicemail",
                           metadata: ["acd.queue": "\(queue.id)", "acd.ring_timeout": "\(queue.ringTimeout)"])
        }
        let service = SwitchboardService(configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [service], gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [.sigquit],
                                 logger: logger)
        try await group.run()
    }
}
