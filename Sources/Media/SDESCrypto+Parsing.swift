import ExtrasBase64

extension SDESCrypto {
    /// The shortest key lifetime accepted: 2^20 packets, about 5.8 hours of 20 ms audio.
    static let minimumLifetime: UInt64 = 1 << 20

    /// Reads the value of an `a=crypto` attribute (RFC 4568 §9.1).
    public init(attributeValue value: String) throws(SDESCryptoError) {
        let fields = value.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count >= 3 else { throw .malformed("expected <tag> <crypto-suite> <key-params>") }
        guard fields[0].count <= 9, fields[0].allSatisfy(\.isASCIIDigit), let tag = Int(fields[0]) else {
            throw .malformed("the tag must be 1 to 9 digits, got \"\(fields[0])\"")
        }
        guard let suite = SRTPSuite(rawValue: String(fields[1])) else { throw .unsupported("crypto suite \(fields[1])") }
        guard fields.count == 3 else { throw .unsupported("session parameters \(fields[3...].joined(separator: " "))") }
        guard !fields[2].contains(";") else { throw .unsupported("more than one key") }
        guard fields[2].hasPrefix("inline:") else { throw .malformed("the key method must be inline") }
        let keyInfo = fields[2].dropFirst("inline:".count).split(separator: "|", omittingEmptySubsequences: false)
        guard let bytes = try? Base64.decode(string: String(keyInfo[0])), let key = SRTPMasterKey(bytes: bytes) else {
            throw .malformed("the key must be \(SRTPMasterKey.length) bytes of base64 (key then salt)")
        }
        var lifetime: UInt64?
        for part in keyInfo.dropFirst() {
            if part.contains(":") { throw .unsupported("an MKI") }
            guard lifetime == nil, let packets = Self.lifetime(part) else { throw .malformed("bad lifetime \"\(part)\"") }
            guard packets >= Self.minimumLifetime else { throw .unsupported("a key lifetime of \(packets) packets") }
            lifetime = packets
        }
        self.init(tag: tag, suite: suite, key: key, lifetime: lifetime)
    }

    /// A lifetime `1048576` or `2^20` (RFC 4568 §9.1: at most 2^48 for these suites).
    private static func lifetime(_ text: Substring) -> UInt64? {
        let packets: UInt64?
        if text.hasPrefix("2^") {
            packets = UInt64(text.dropFirst(2)).flatMap { $0 <= 48 ? UInt64(1) << $0 : nil }
        } else {
            packets = text.allSatisfy(\.isASCIIDigit) ? UInt64(text) : nil
        }
        return packets.flatMap { $0 <= 1 << 48 ? $0 : nil }
    }
}

extension Character {
    /// Whether this is one of `0`…`9`.
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
