import Logging
import ServiceLifecycle

/// The presence feed as a lifecycle service: polls until graceful shutdown. A source that fails is
/// logged and the daemon goes on; its agents' presence then turns unknown under the outage policy.
public struct PresenceService: Service, CustomStringConvertible {
    private let feed: PresenceFeed
    private let logger: Logger

    /// Creates the service.
    public init(feed: PresenceFeed, logger: Logger) {
        self.feed = feed
        self.logger = logger
    }

    /// Runs the feed until graceful shutdown.
    public func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await feed.run() }
        } catch is CancellationError {
            return
        } catch {
            logger.error("presence source stopped", metadata: ["presence.error": "\(error)"])
            try? await gracefulShutdown()
        }
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "PresenceService" }
}
