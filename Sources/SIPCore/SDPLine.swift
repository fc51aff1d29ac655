/// One SDP line SIPCore keeps as written (RFC 4566 §5): its type letter and its value.
public struct SDPLine: Hashable, Sendable {
    /// The type letter, such as `i`, `t` or `k`.
    public var type: Character
    /// Everything after `=`.
    public var value: String

    /// Creates a line.
    public init(type: Character, value: String) {
        self.type = type
        self.value = value
    }
}
