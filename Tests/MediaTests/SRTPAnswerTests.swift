import Media
import SIPCore
import SwitchboardTestKit
import Testing

/// Answering under `media.srtp`: SRTP offers answered with SDES (RFC 4568 §5.1.2), plain ones with
/// RTP, and the 488 warnings of each policy.
@Suite("SRTP answers")
struct SRTPAnswerTests {
    static let origin = SDPOrigin(username: "switchboard", sessionID: "42", sessionVersion: 1, unicastAddress: "198.51.100.7")
    static let theirKey = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"
    static let head = "v=0\r\no=sbc 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
    /// An SBC's SRTP offer: a 256-bit suite Switchboard does not do first, then the 32- and 80-bit ones.
    static let secure = head + "m=audio 6010 RTP/SAVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
        + "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:\(theirKey)\(theirKey)\r\n"
        + "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:\(theirKey)|2^31\r\n"
        + "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:\(theirKey)\r\na=sendrecv\r\n"
    static let plain = head + "m=audio 6010 RTP/AVP 0\r\n"

    static func answer(_ offer: String, _ policy: SRTPPolicy, key: SRTPMasterKey = ourKey) throws -> AudioAnswerResult {
        AudioAnswerer.answer(to: try SessionDescription(parsing: offer), address: "198.51.100.7", port: 30000, origin: origin,
                             srtp: policy, sendingKey: key)
    }

    static let ourKey: SRTPMasterKey = {
        var generator = SeededGenerator(seed: 3711)
        return .random(using: &generator)
    }()

    @Test("optional and required answer an SRTP offer over RTP/SAVP with the first usable line's tag and suite and our key",
          arguments: [SRTPPolicy.optional, .required])
    func secureOffer(policy: SRTPPolicy) throws {
        guard case .accepted(let answer, let audio) = try Self.answer(Self.secure, policy) else { Issue.record("rejected"); return }
        let theirs = try SDESCrypto(attributeValue: "2 AES_CM_128_HMAC_SHA1_32 inline:\(Self.theirKey)").key
        #expect(audio.srtp == NegotiatedSRTP(suite: .aes128HMACSHA1Tag32, tag: 2, sendingKey: Self.ourKey, receivingKey: theirs))
        let media = answer.media[0]
        #expect(media.proto == "RTP/SAVP")
        let crypto = media.attributes.filter { $0.name == "crypto" }
        #expect(crypto.count == 1)
        let ours = SDESCrypto(tag: 2, suite: .aes128HMACSHA1Tag32, key: Self.ourKey)
        #expect(try crypto.first?.value.map { try SDESCrypto(attributeValue: $0) } == ours)
        let text = String(decoding: answer.serialized(), as: UTF8.self)
        #expect(text.contains("m=audio 30000 RTP/SAVP 0 101\r\n"))
        #expect(try SessionDescription(parsing: answer.serialized()) == answer)
    }

    @Test("off and optional answer a plain offer with plain RTP and no crypto line", arguments: [SRTPPolicy.off, .optional])
    func plainOffer(policy: SRTPPolicy) throws {
        guard case .accepted(let answer, let audio) = try Self.answer(Self.plain, policy) else { Issue.record("rejected"); return }
        #expect(audio.srtp == nil)
        #expect(answer.media[0].proto == "RTP/AVP")
        #expect(!answer.media[0].attributes.contains { $0.name == "crypto" })
    }

    @Test("an RTP/AVP stream with crypto lines (best-effort SRTP) is plain RTP under optional")
    func bestEffort() throws {
        let offer = Self.plain + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.theirKey)\r\n"
        guard case .accepted(let answer, let audio) = try Self.answer(offer, .optional) else { Issue.record("rejected"); return }
        #expect(audio.srtp == nil && answer.media[0].proto == "RTP/AVP")
    }

    @Test("required picks the SRTP stream past a plain one; optional takes the first")
    func choosesStream() throws {
        let offer = Self.plain + String(Self.secure.dropFirst(Self.head.count))
        guard case .accepted(let required, let secure) = try Self.answer(offer, .required),
              case .accepted(_, let first) = try Self.answer(offer, .optional) else { Issue.record("rejected"); return }
        #expect(secure.mediaIndex == 1 && secure.srtp?.tag == 2)
        #expect(required.media.map(\.port) == [0, 30000])
        #expect(first.mediaIndex == 0 && first.srtp == nil)
    }

    @Test("the refusals: plain under required, SRTP under off, SRTP without a usable crypto line", arguments: [
        (SRTPAnswerTests.plain, SRTPPolicy.required, MediaRejection.srtpRequired,
         "302 sb.example.com \"Incompatible transport protocol: SRTP (RTP/SAVP) required\""),
        (SRTPAnswerTests.secure, .off, .incompatibleTransport, "302 sb.example.com \"Incompatible transport protocol\""),
        (SRTPAnswerTests.head + "m=audio 6010 RTP/SAVP 0\r\n"
            + "a=crypto:1 AES_256_CM_HMAC_SHA1_80 inline:\(SRTPAnswerTests.theirKey)\(SRTPAnswerTests.theirKey)\r\n", .optional, .noUsableCrypto,
         "399 sb.example.com \"No usable SRTP crypto line (AES_CM_128_HMAC_SHA1_80 or _32, inline key)\""),
        (SRTPAnswerTests.head + "m=audio 6010 RTP/SAVP 0\r\n", .required, .noUsableCrypto,
         "399 sb.example.com \"No usable SRTP crypto line (AES_CM_128_HMAC_SHA1_80 or _32, inline key)\""),
    ] as [(String, SRTPPolicy, MediaRejection, String)])
    func refused(offer: String, policy: SRTPPolicy, rejection: MediaRejection, warning: String) throws {
        #expect(try Self.answer(offer, policy) == .rejected(rejection))
        #expect(rejection.warningHeaderValue(agent: "sb.example.com") == warning)
    }
}
