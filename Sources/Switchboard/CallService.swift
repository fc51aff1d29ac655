import B2BUA
import YAMLConfiguration
import Logging
import ServiceLifecycle

/// The calls as a lifecycle service: runs until graceful shutdown (SIGTERM), then drains: `503` with
/// Retry-After for new calls and OPTIONS for at least `drainMinimum`, so SBCs see it and fail over,
/// while calls in progress go on until they end or `drainMaximum` passes.
public struct CallService: Service, CustomStringConvertible {
    private let coordinator: SwitchboardCoordinator
    private let limits: LimitSettings
    private let logger: Logger

    /// Creates the service.
    public init(coordinator: SwitchboardCoordinator, limits: LimitSettings, logger: Logger) {
        self.coordinator = coordinator
        self.limits = limits
        self.logger = logger
    }

    /// Waits for graceful shutdown, then drains the calls.
    public func run() async throws {
        try? await gracefulShutdown()
        let router = coordinator.router
        let limits = limits
        try await coordinator.stack.eventLoop.flatSubmit {
            router.drain(minimum: limits.drainMinimum, maximum: limits.drainMaximum)
        }.get()
        let left = try await coordinator.stack.eventLoop.submit { router.liveCounts.calls }.get()
        logger.notice("drained", metadata: ["sip.calls": "\(left)"])
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "CallService" }
}
