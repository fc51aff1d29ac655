/// An `a=` line (RFC 4566 §5.13): a property attribute (`a=sendonly`) or a value attribute
/// (`a=rtpmap:0 PCMU/8000`).
public struct SDPAttribute: Hashable, Sendable {
    /// The attribute name, before the colon.
    public var name: String
    /// The value after the colon; nil for a property attribute.
    public var value: String?

    /// Creates an attribute.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}
