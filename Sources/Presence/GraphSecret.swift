import Foundation

/// A client secret that never shows up in logs, descriptions or dumps.
public struct GraphSecret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself: only the token request reads it.
    let value: String

    /// Wraps a secret given directly (tests, the local Graph).
    public init(_ value: String) {
        self.value = value
    }

    /// Reads the secret from an environment variable; throws when it is missing or empty.
    public init(environmentVariable name: String) throws(GraphPresenceError) {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw .configuration("environment variable \(name) holds no Graph client secret")
        }
        self.value = value
    }

    /// Reads the secret from a file (trailing newlines dropped); throws when it cannot be read or is empty.
    public init(file path: String) throws(GraphPresenceError) {
        guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .configuration("cannot read the Graph client secret file \(path)")
        }
        let value = String(contents.reversed().drop(while: \.isNewline).reversed())
        guard !value.isEmpty else { throw .configuration("the Graph client secret file \(path) is empty") }
        self.value = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
}
