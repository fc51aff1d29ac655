/// The reason code of a break, chosen by the agent or a supervisor (for example `lunch`).
public struct BreakReason: Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The reason code.
    public var rawValue: String

    /// Wraps a reason code.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Wraps a literal reason code.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The reason code.
    public var description: String { rawValue }

    /// The break the engine imposes after too many missed offers (ring-no-answer).
    public static let rona = BreakReason("RONA")
}
