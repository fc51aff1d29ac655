import YAMLConfiguration
import Logging
import NIOCore
import ServiceLifecycle

/// The loopback status endpoint as a lifecycle service: `GET /v1/status` and `GET /metrics` until
/// graceful shutdown; it stops after the calls have drained, so operators watch the drain.
public struct StatusService: Service, CustomStringConvertible {
    private let control: ControlSettings
    private let group: any EventLoopGroup
    private let coordinator: SwitchboardCoordinator
    private let logger: Logger

    /// Creates the service.
    public init(control: ControlSettings, group: any EventLoopGroup, coordinator: SwitchboardCoordinator, logger: Logger) {
        self.control = control
        self.group = group
        self.coordinator = coordinator
        self.logger = logger
    }

    /// Binds the endpoint, serves until graceful shutdown, then closes it.
    public func run() async throws {
        let coordinator = coordinator
        let channel = try await StatusServer.start(host: control.host, port: control.port, token: control.token, group: group) {
            try await coordinator.statusReport()
        }
        logger.info("status endpoint", metadata: ["control.address": "\(control.host):\(channel.localAddress?.port ?? control.port)"])
        try? await gracefulShutdown()
        try? await channel.close()
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "StatusService" }
}
