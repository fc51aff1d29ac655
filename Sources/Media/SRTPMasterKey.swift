/// An SRTP master key and master salt (RFC 3711 §8.2): the 16 key bytes then the 14 salt bytes, the
/// concatenation SDES carries in `inline:` (RFC 4568 §6.1). Its description never shows the bytes.
public struct SRTPMasterKey: Hashable, Sendable, CustomStringConvertible {
    /// The bytes of the master key.
    public static let keyLength = 16
    /// The bytes of the master salt.
    public static let saltLength = 14
    /// The bytes of key and salt together.
    public static let length = keyLength + saltLength

    /// The key then the salt, ``length`` bytes.
    public let bytes: [UInt8]

    /// The key and salt in `bytes`; nil unless there are exactly ``length`` of them.
    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.length else { return nil }
        self.bytes = bytes
    }

    /// A fresh key and salt from `generator`.
    public static func random(using generator: inout some RandomNumberGenerator) -> SRTPMasterKey {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for _ in 0..<length { bytes.append(UInt8.random(in: .min ... .max, using: &generator)) }
        return SRTPMasterKey(uncheckedBytes: bytes)
    }

    /// A fresh key and salt from the system's cryptographically secure generator (RFC 4568 §6.1 wants
    /// keys nobody can guess): `getrandom` on Linux, `arc4random` on Apple platforms.
    public static func random() -> SRTPMasterKey {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    /// Never the bytes: a key must not reach a log line.
    public var description: String { "SRTPMasterKey(\(Self.length) bytes)" }

    private init(uncheckedBytes: [UInt8]) {
        bytes = uncheckedBytes
    }
}
