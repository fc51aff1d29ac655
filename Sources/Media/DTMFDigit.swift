/// One of the 16 DTMF keys and its RFC 4733 event code (§3.2, Table 7): 0–9, `*` (10), `#` (11),
/// A–D (12–15).
public struct DTMFDigit: Hashable, Sendable, CustomStringConvertible {
    /// The keys in event-code order.
    private static let keys: [Character] = Array("0123456789*#ABCD")

    /// The RFC 4733 event code, 0…15.
    public let event: UInt8

    /// The digit of an event code; nil for codes above 15 (flash and the other events of §3.2).
    public init?(event: UInt8) {
        guard Int(event) < Self.keys.count else { return nil }
        self.event = event
    }

    /// The digit of a key: `0`–`9`, `*`, `#`, `A`–`D` (lower case accepted).
    public init?(_ key: Character) {
        let upper = key.uppercased()
        guard let index = Self.keys.firstIndex(where: { String($0) == upper }) else { return nil }
        event = UInt8(index)
    }

    /// The key: `0`–`9`, `*`, `#`, `A`–`D`.
    public var key: Character { Self.keys[Int(event)] }

    /// The key as text.
    public var description: String { String(key) }
}
