import Logging
import NIOConcurrencyHelpers

/// Collects log lines so that tests can assert what was logged, at which level, how often and with
/// which metadata.
public final class CapturedLogs: Sendable {
    /// One line logged.
    public struct Line: Sendable {
        /// Its level.
        public var level: Logger.Level
        /// Its message.
        public var message: String
        /// The logger's metadata merged with the line's own.
        public var metadata: Logger.Metadata
    }

    private let entries = NIOLockedValueBox<[Line]>([])

    /// Creates an empty collection.
    public init() {}

    /// A logger that writes here, at every level.
    public func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in self.handler() }
    }

    /// A log handler that writes here, at every level (to wrap in another handler).
    public func handler() -> any LogHandler {
        Handler(logs: self)
    }

    /// Every line, oldest first.
    public var lines: [Line] {
        entries.withLockedValue { $0 }
    }

    /// Messages logged at `level`.
    public func messages(at level: Logger.Level) -> [String] {
        lines.filter { $0.level == level }.map(\.message)
    }

    /// The metadata of each line logged at `level` with `message`.
    public func lines(at level: Logger.Level, message: String) -> [Logger.Metadata] {
        lines.filter { $0.level == level && $0.message == message }.map(\.metadata)
    }

    fileprivate func append(_ line: Line) {
        entries.withLockedValue { $0.append(line) }
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
            logs.append(Line(level: event.level, message: event.message.description,
                             metadata: metadata.merging(event.metadata ?? [:]) { $1 }))
        }
    }
}
