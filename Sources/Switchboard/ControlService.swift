import ControlAPI
import ControlModel
import Logging
import ServiceLifecycle
import YAMLConfiguration

/// The control API as a lifecycle service: serves until graceful shutdown; it stops after the
/// calls have drained, so operators watch the drain.
public struct ControlService: Service, CustomStringConvertible {
    private let control: ControlSettings
    private let surface: any ControlSurface
    private let logger: Logger

    /// Creates the service.
    public init(control: ControlSettings, surface: any ControlSurface, logger: Logger) {
        self.control = control
        self.surface = surface
        self.logger = logger
    }

    /// Binds the API, serves until graceful shutdown, then stops.
    public func run() async throws {
        let (host, logger) = (control.host, logger)
        let token = control.token == nil ? "none: any local process may use it" : "required"
        let application = ControlAPI.makeApplication(surface: surface, host: host, port: control.port, token: control.token,
                                                     logger: logger) { port in
            logger.info("control API listening", metadata: ["control.address": "\(host):\(port)", "control.token": "\(token)"])
        }
        try await application.run()
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "ControlService" }
}
