import B2BUA
import YAMLConfiguration
import Logging
import NIOCore
import ServiceLifecycle

/// The calls as a lifecycle service: runs until graceful shutdown (SIGTERM), then drains: `503` with
/// Retry-After for new calls and OPTIONS for at least `drainMinimum`, so SBCs see it and fail over,
/// while calls in progress go on until they end or `drainMaximum` passes (callback entries awaiting an
/// agent are not waited for); then no agent is offered a call any more, so none is rung by a daemon
/// about to stop (the entries left wait in the store for the next start).
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

    /// Waits for graceful shutdown, then drains the calls of every shard at once.
    public func run() async throws {
        try? await gracefulShutdown()
        let limits = limits
        let drained = coordinator.shards.map { shard in
            shard.eventLoop.flatSubmit { shard.router.drain(minimum: limits.drainMinimum, maximum: limits.drainMaximum) }
        }
        try await EventLoopFuture.andAllSucceed(drained, on: coordinator.shards[0].eventLoop).get()
        try await coordinator.stopOffers()
        let left = try await coordinator.shardCounts().calls
        logger.notice("drained", metadata: ["sip.calls": "\(left)"])
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "CallService" }
}
