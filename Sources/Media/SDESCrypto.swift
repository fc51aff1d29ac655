import ExtrasBase64
import SIPCore

/// One `a=crypto` line of SDES (RFC 4568 §9.1) that Switchboard can use:
/// `a=crypto:<tag> <crypto-suite> inline:<base64 key||salt>[|<lifetime>]`, a single key without MKI
/// and without session parameters.
public struct SDESCrypto: Hashable, Sendable {
    /// The attribute's name, `crypto`.
    public static let attributeName = "crypto"

    /// The tag the answer repeats to say which offered line it accepts (1 to 9 digits).
    public var tag: Int
    /// The crypto suite.
    public var suite: SRTPSuite
    /// The master key and salt of the side that sends with this line.
    public var key: SRTPMasterKey
    /// The key's lifetime in packets when given (`|2^31` or `|1048576`); Switchboard sends fewer
    /// packets in a call than any lifetime it accepts (at least 2^20).
    public var lifetime: UInt64?

    /// Creates a crypto line.
    public init(tag: Int, suite: SRTPSuite, key: SRTPMasterKey, lifetime: UInt64? = nil) {
        self.tag = tag
        self.suite = suite
        self.key = key
        self.lifetime = lifetime
    }

    /// The attribute value, `1 AES_CM_128_HMAC_SHA1_80 inline:<base64>`.
    public var attributeValue: String {
        var keyInfo = Base64.encodeToString(bytes: key.bytes)
        if let lifetime { keyInfo += "|\(lifetime)" }
        return "\(tag) \(suite.rawValue) inline:\(keyInfo)"
    }

    /// The `a=crypto:` attribute.
    public var attribute: SDPAttribute { SDPAttribute(name: Self.attributeName, value: attributeValue) }

    /// The first line among `media`'s `a=crypto` attributes that Switchboard can use, in the offer's
    /// order of preference (RFC 4568 §5.1.2); lines it cannot read or use are passed over.
    public static func firstUsable(in media: MediaDescription) -> SDESCrypto? {
        for attribute in media.attributes where attribute.name == attributeName {
            if let value = attribute.value, let crypto = try? SDESCrypto(attributeValue: value) { return crypto }
        }
        return nil
    }
}

/// Why an `a=crypto` line cannot be used.
public enum SDESCryptoError: Error, Hashable, Sendable {
    /// The line breaks RFC 4568 §9.1's grammar (a missing part, a bad tag, key or lifetime).
    case malformed(String)
    /// The line is well formed but asks for what Switchboard does not do: another suite, an MKI,
    /// several keys, or session parameters.
    case unsupported(String)
}
