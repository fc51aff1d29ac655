/// Why a session description cannot be read (RFC 4566 §5).
public struct SDPParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        /// A required line (`v=`, `o=`, `s=`, `t=`) is absent.
        case missingLine(Character)
        /// A line is not `<letter>=<value>` or its value does not follow the grammar of its type.
        case malformedLine(Character?)
        /// A type letter RFC 4566 does not define; §5 says to ignore the whole description then.
        case unknownType(Character)
        /// A line appears where RFC 4566 §5 does not allow its type (after lines that must follow it).
        case outOfOrder(Character)
    }

    /// What is wrong.
    public var reason: Reason
    /// The line number, from 1.
    public var line: Int
    /// A human explanation.
    public var detail: String

    /// Creates an error.
    public init(reason: Reason, line: Int, detail: String) {
        self.reason = reason
        self.line = line
        self.detail = detail
    }

    /// The line number and the explanation, for logs.
    public var description: String { "SDP line \(line): \(detail)" }
}
