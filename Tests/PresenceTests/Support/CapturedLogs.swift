import Logging
import NIOConcurrencyHelpers

/// Collects log messages so that tests can assert what was logged and how often.
final class CapturedLogs: Sendable {
    private let entries = NIOLockedValueBox<[(level: Logger.Level, message: String)]>([])

    /// A logger that writes here, at every level.
    func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in Handler(logs: self) }
    }

    /// Messages logged at `level`.
    func messages(at level: Logger.Level) -> [String] {
        entries.withLockedValue { $0.filter { $0.level == level }.map(\.message) }
    }

    fileprivate func append(_ level: Logger.Level, _ message: String) {
        entries.withLockedValue { $0.append((level, message)) }
    }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            logs.append(event.level, event.message.description)
        }
    }
}
