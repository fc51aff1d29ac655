/// A configuration file that cannot be used; the message names the key and its line.
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The dotted key path, for example `sip.listen[1].port`.
    public var key: String
    /// The 1-based line in the file, when known.
    public var line: Int?
    /// What is wrong and what is expected.
    public var message: String

    /// Creates an error.
    public init(key: String, line: Int?, message: String) {
        self.key = key
        self.line = line
        self.message = message
    }

    /// `key (line N): message`.
    public var description: String {
        let place = line.map { " (line \($0))" } ?? ""
        return "configuration error: \(key.isEmpty ? "<top level>" : key)\(place): \(message)"
    }
}
