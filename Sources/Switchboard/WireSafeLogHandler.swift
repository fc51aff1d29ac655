import Logging

/// A log handler that makes every message and metadata value safe to write to a terminal or a log
/// file, whatever arrived on the wire: control characters (C0, DEL) are written as `\xNN` escapes and
/// values longer than `maximumValueLength` are cut with a note of how much was dropped. It wraps the
/// handler that writes.
public struct WireSafeLogHandler: LogHandler {
    private var inner: any LogHandler
    /// The longest metadata value written whole.
    public let maximumValueLength: Int

    /// Wraps `inner`.
    public init(wrapping inner: any LogHandler, maximumValueLength: Int = 256) {
        self.inner = inner
        self.maximumValueLength = maximumValueLength
    }

    /// The wrapped handler's level.
    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    /// The wrapped handler's metadata.
    public var metadata: Logger.Metadata {
        get { inner.metadata }
        set { inner.metadata = newValue }
    }

    /// One metadata value of the wrapped handler.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { inner[metadataKey: key] }
        set { inner[metadataKey: key] = newValue }
    }

    /// Escapes and cuts, then hands the event to the wrapped handler.
    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: Self.escaped(event.message.description, limit: maximumValueLength * 4))
        event.metadata = event.metadata.map { $0.mapValues { safe($0) } }
        inner.log(event: event)
    }

    private func safe(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(Self.escaped(text, limit: maximumValueLength))
        case .stringConvertible(let convertible): .string(Self.escaped(convertible.description, limit: maximumValueLength))
        case .array(let values): .array(values.map(safe))
        case .dictionary(let values): .dictionary(values.mapValues(safe))
        }
    }

    /// `text` with control characters escaped, cut after `limit` characters.
    static func escaped(_ text: String, limit: Int) -> String {
        let needsWork = text.utf8.count > limit || text.utf8.contains { $0 < 0x20 || $0 == 0x7F }
        guard needsWork else { return text }
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == limit {
                return result + "…(\(text.unicodeScalars.count - limit) more)"
            }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
