import Media
import SIPCore
import SwitchboardTestKit
import Testing

/// `a=crypto` lines of SDES (RFC 4568 §9.1): written and read back, and the lines refused.
@Suite("SDES crypto lines")
struct SDESCryptoTests {
    /// RFC 4568 §5.1.1's example key (key and salt, 40 base64 characters).
    static let rfcKey = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"

    @Test("a generated line reads back equal, for both suites, with and without a lifetime", arguments: SRTPSuite.allCases)
    func roundTrip(suite: SRTPSuite) throws {
        var generator = SeededGenerator(seed: 4568)
        for lifetime in [nil, UInt64(1) << 31] {
            let crypto = SDESCrypto(tag: 7, suite: suite, key: .random(using: &generator), lifetime: lifetime)
            #expect(try SDESCrypto(attributeValue: crypto.attributeValue) == crypto)
            #expect(crypto.attribute.name == "crypto")
        }
    }

    @Test("RFC 4568's example line: tag, suite, the 30 bytes of key and salt, lifetime 2^20")
    func rfcExample() throws {
        let crypto = try SDESCrypto(attributeValue: "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|2^20")
        #expect(crypto.tag == 1 && crypto.suite == .aes128HMACSHA1Tag80 && crypto.lifetime == 1 << 20)
        #expect(crypto.key.bytes.prefix(4) == [0x3D, 0x2D, 0x6E, 0x40])
        #expect(crypto.attributeValue == "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)|1048576")
    }

    @Test("malformed lines are refused as malformed", arguments: [
        "", "1 AES_CM_128_HMAC_SHA1_80", "x AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)", "1234567890 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)",
        "1 AES_CM_128_HMAC_SHA1_80 uri:\(rfcKey)", "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0m",
        "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVB!", "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)|2^x",
        "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)|2^49", "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)|2^31|2^31",
    ])
    func malformed(line: String) {
        #expect(throws: SDESCryptoError.self) { try SDESCrypto(attributeValue: line) }
        if case .unsupported(let reason)? = Self.error(line) { Issue.record("\(line) refused as unsupported: \(reason)") }
    }

    @Test("well-formed lines asking for what Switchboard does not do are refused as unsupported", arguments: [
        "1 AES_256_CM_HMAC_SHA1_80 inline:\(rfcKey)", "1 F8_128_HMAC_SHA1_80 inline:\(rfcKey)",
        "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)|2^20|1:4", "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey)|2^10",
        "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey);inline:\(rfcKey)", "1 AES_CM_128_HMAC_SHA1_80 inline:\(rfcKey) UNENCRYPTED_SRTP",
        "1 AES_CM_128_HMAC_SHA1_32 inline:\(rfcKey) KDR=1",
    ])
    func unsupported(line: String) {
        guard case .unsupported? = Self.error(line) else {
            Issue.record("\(line) not refused as unsupported: \(String(describing: Self.error(line)))")
            return
        }
    }

    @Test("the first usable line of a media description wins; unusable ones are passed over")
    func firstUsable() {
        let media = MediaDescription(media: "audio", port: 7000, proto: "RTP/SAVP", formats: ["0"], attributes: [
            SDPAttribute(name: "crypto", value: "1 AES_256_CM_HMAC_SHA1_80 inline:\(Self.rfcKey)"),
            SDPAttribute(name: "crypto", value: "2 AES_CM_128_HMAC_SHA1_80 inline:broken"),
            SDPAttribute(name: "crypto", value: "3 AES_CM_128_HMAC_SHA1_32 inline:\(Self.rfcKey)"),
            SDPAttribute(name: "crypto", value: "4 AES_CM_128_HMAC_SHA1_80 inline:\(Self.rfcKey)"),
        ])
        #expect(SDESCrypto.firstUsable(in: media)?.tag == 3)
        #expect(SDESCrypto.firstUsable(in: MediaDescription(media: "audio", port: 7000, proto: "RTP/SAVP", formats: ["0"])) == nil)
    }

    static func error(_ line: String) -> SDESCryptoError? {
        do {
            _ = try SDESCrypto(attributeValue: line)
            return nil
        } catch {
            return error
        }
    }
}
