import Foundation
import Logging
import YAMLConfiguration

/// Writes each log event as one structured line: logfmt (`time=… level=info logger=switchboardd
/// msg="caller queued" acd.queue=support`) or a JSON object with the same fields. The time is UTC
/// to the millisecond; metadata keys follow in sorted order. Wrap it in `WireSafeLogHandler` so
/// nothing from the wire reaches the line unescaped.
public struct StructuredLogHandler: LogHandler {
    /// The lowest level written.
    public var logLevel: Logger.Level = .info
    /// Metadata added to every event of this logger.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: LogFormat
    private let write: @Sendable (String) -> Void

    /// A handler for `label` writing lines of `format` through `write` (standard error by default).
    public init(label: String, format: LogFormat, write: @escaping @Sendable (String) -> Void = StructuredLogHandler.standardError) {
        self.label = label
        self.format = format
        self.write = write
    }

    /// One metadata value of this logger.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes the event as one line.
    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = [("time", Self.timestamp(Date())), ("level", event.level.rawValue), ("logger", label),
                      ("msg", event.message.description)]
            + merged.sorted { $0.key < $1.key }.map { ($0.key, Self.text($0.value)) }
        write(render(fields) + "\n")
    }

    /// Writes `line` to standard error in one call.
    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    func render(_ fields: [(String, String)]) -> String {
        switch format {
        case .logfmt:
            fields.map { "\($0.0)=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        case .json:
            "{" + fields.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }

    private static func text(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(text).joined(separator: ",")
        case .dictionary(let values): values.sorted { $0.key < $1.key }.map { "\($0.key):\(text($0.value))" }.joined(separator: ",")
        }
    }

    /// A logfmt value: quoted (with `"` and `\` escaped) when it holds a space, `=`, `"` or `\`, or nothing.
    private static func logfmtValue(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { $0 == 0x20 || $0 == 0x3D || $0 == 0x22 || $0 == 0x5C }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func jsonString(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
