import YAMLConfiguration
import Logging

/// Reads the configuration file again and applies it (`SIGHUP` and `POST /v1/reload`): a file that
/// does not validate, or a change the running daemon cannot take, is refused with the reason and
/// the configuration in effect stays. The outcome is logged either way; warnings as at start-up.
public struct ConfigurationReloader: Sendable {
    private let path: String
    private let coordinator: SwitchboardCoordinator
    private let logger: Logger

    /// A reloader of the file at `path` into `coordinator`.
    public init(path: String, coordinator: SwitchboardCoordinator, logger: Logger) {
        self.path = path
        self.coordinator = coordinator
        self.logger = logger
    }

    /// Reads, validates and applies the file; returns the summary, or throws ``ReloadRefusal``.
    @discardableResult
    public func reload() async throws -> String {
        do {
            let next: SwitchboardConfiguration
            do {
                next = try SwitchboardConfiguration.load(path: path)
            } catch let error as ConfigurationError {
                throw ReloadRefusal(description: "\(path): \(error)")
            }
            let summary = try await coordinator.reload(next)
            for warning in next.warnings {
                logger.warning("\(warning.message)", metadata: ["config.key": "\(warning.key)"])
            }
            logger.notice("configuration reloaded", metadata: ["config.summary": "\(summary)"])
            return summary
        } catch let refusal as ReloadRefusal {
            logger.error("configuration reload refused", metadata: ["config.reason": "\(refusal)"])
            throw refusal
        }
    }
}
