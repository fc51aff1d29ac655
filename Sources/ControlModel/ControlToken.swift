/// The bearer token of the control API: compared against requests, never shown in a log line, a
/// description, a dump or a service listing.
public struct ControlToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The token itself: only the API's check and the CLI's Authorization header read it.
    public let value: String

    /// Wraps a token read from its file or environment variable.
    public init(_ value: String) {
        self.value = value
    }

    /// Whether `candidate` is this token, in time that depends only on the candidate's length (no
    /// early exit at the first differing byte).
    public func matches(_ candidate: String) -> Bool {
        let expected = Array(value.utf8)
        let given = Array(candidate.utf8)
        var difference = expected.count ^ given.count
        for index in given.indices {
            difference |= Int(given[index] ^ (index < expected.count ? expected[index] : 0))
        }
        return difference == 0 && !expected.isEmpty
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// No children: reflection shows nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
