/// The name the caller of ``MediaEngine`` gives a stream, such as the caller's SIP Call-ID.
public struct MediaStreamID: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The name.
    public var rawValue: String

    /// Creates an identifier from a name.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates an identifier from a string literal.
    public init(stringLiteral value: String) {
        rawValue = value
    }

    /// The name.
    public var description: String { rawValue }
}
