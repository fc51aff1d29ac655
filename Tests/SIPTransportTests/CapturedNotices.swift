import Foundation
import Logging

/// Collects log lines so that tests can count what was logged at which level.
final class CapturedNotices: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(level: Logger.Level, message: String, metadata: Logger.Metadata)] = []

    /// A logger that writes here, at every level.
    func logger() -> Logger {
        Logger(label: "test") { _ in Handler(notices: self) }
    }

    /// The metadata of each line logged at `level` with `message`.
    func lines(at level: Logger.Level, message: String) -> [Logger.Metadata] {
        lock.withLock { entries.filter { $0.level == level && $0.message == message }.map(\.metadata) }
    }

    fileprivate func append(_ level: Logger.Level, _ message: String, _ metadata: Logger.Metadata) {
        lock.withLock { entries.append((level, message, metadata)) }
    }

    private struct Handler: LogHandler {
        let notices: CapturedNotices
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            notices.append(event.level, event.message.description, metadata.merging(event.metadata ?? [:]) { $1 })
        }
    }
}
