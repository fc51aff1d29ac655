/// The bearer token of the control endpoint: compared against requests, never shown in a log line,
/// a description, a dump or a service listing.
public struct ControlToken: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The token itself: only the endpoint's check reads it.
    public let value: String

    /// Wraps a token read from its file.
    public init(_ value: String) {
        self.value = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// No children: reflection shows nothing of the value.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
