import Media
import SIPCore
import Testing

/// Answering SBC offers (RFC 3264 §6) with real bodies: codec choice, telephone-event, rejected
/// streams at port 0, mirrored directions, and the 488 warnings.
@Suite("SDP answers")
struct AudioAnswerTests {
    static let origin = SDPOrigin(username: "switchboard", sessionID: "42", sessionVersion: 1, unicastAddress: "198.51.100.7")

    /// An AudioCodes Mediant's offer from its RTP-only inside interface: A-law first, G.729, DTMF, RTCP port.
    static let mediant = """
        v=0\r
        o=AudiocodesGW 1690318203 1690318073 IN IP4 192.0.2.10\r
        s=Phone-Call\r
        c=IN IP4 192.0.2.10\r
        t=0 0\r
        m=audio 6010 RTP/AVP 8 0 18 101\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:18 G729/8000\r
        a=fmtp:18 annexb=no\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-15\r
        a=ptime:20\r
        a=sendrecv\r
        a=rtcp:6011\r

        """

    /// A Ribbon SBC Edge's offer: G.722 first, video the agent's client might add, DTMF on 96, media-level c=.
    static let ribbon = """
        v=0\r
        o=Sonus_UAC 28470 11597 IN IP4 192.0.2.20\r
        s=SIP Media Capabilities\r
        t=0 0\r
        m=audio 20000 RTP/AVP 9 0 8 96\r
        c=IN IP4 192.0.2.21\r
        a=rtpmap:9 G722/8000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:96 telephone-event/8000\r
        a=fmtp:96 0-15\r
        a=maxptime:30\r
        m=video 20002 RTP/AVP 99\r
        a=rtpmap:99 H264/90000\r

        """

    /// The lab's caller through Kamailio: PCMU only, the session on hold (`sendonly`).
    static let onHold = "v=0\r\no=pstn 1001 2 IN IP4 127.0.0.1\r\ns=pstn caller\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio 6000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n"

    static func answer(_ offer: String, address: String = "198.51.100.7") throws -> AudioAnswerResult {
        AudioAnswerer.answer(to: try SessionDescription(parsing: offer), address: address, port: 30000, origin: origin)
    }

    @Test("the Mediant's offer: A-law, its first G.711, and telephone-event 101, in these exact bytes")
    func mediant() throws {
        guard case .accepted(let answer, let audio) = try Self.answer(Self.mediant) else { Issue.record("rejected"); return }
        #expect(audio == NegotiatedAudio(mediaIndex: 0, codec: .pcma, payloadType: 8, telephoneEventPayloadType: 101,
                                         remoteAddress: "192.0.2.10", remotePort: 6010, direction: .sendrecv))
        let expected = "v=0\r\no=switchboard 42 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n"
        #expect(String(decoding: answer.serialized(), as: UTF8.self) == expected)
        #expect(try SessionDescription(parsing: answer.serialized()) == answer)
    }

    @Test("the Ribbon's offer: PCMU past G.722, DTMF on 96, the media's own address, video refused at port 0")
    func ribbon() throws {
        guard case .accepted(let answer, let audio) = try Self.answer(Self.ribbon) else { Issue.record("rejected"); return }
        #expect(audio.codec == .pcmu && audio.payloadType == 0 && audio.telephoneEventPayloadType == 96)
        #expect(audio.remoteAddress == "192.0.2.21" && audio.remotePort == 20000)
        #expect(answer.media.count == 2)
        #expect(answer.media[0].formats == ["0", "96"])
        #expect(answer.media[1] == MediaDescription(media: "video", port: 0, proto: "RTP/AVP", formats: ["99"]))
    }

    @Test("directions are mirrored (RFC 3264 §6.1)", arguments: [
        ("sendonly", .recvonly), ("recvonly", .sendonly), ("inactive", .inactive), ("sendrecv", .sendrecv),
    ] as [(String, SDPDirection)])
    func directions(offered: String, answered: SDPDirection) throws {
        let offer = Self.onHold.replacing("a=sendonly", with: "a=" + offered)
        guard case .accepted(let answer, let audio) = try Self.answer(offer) else { Issue.record("rejected"); return }
        #expect(audio.direction == answered && answer.media[0].direction == answered)
    }

    @Test("a hold the RFC 2543 way (c=0.0.0.0): nothing is sent there (RFC 3264 §8.4)", arguments: [
        ("sendrecv", .recvonly), ("sendonly", .recvonly), ("recvonly", .inactive), ("inactive", .inactive),
    ] as [(String, SDPDirection)])
    func unspecifiedAddress(offered: String, answered: SDPDirection) throws {
        let offer = Self.onHold.replacing("c=IN IP4 127.0.0.1", with: "c=IN IP4 0.0.0.0").replacing("a=sendonly", with: "a=" + offered)
        guard case .accepted(let answer, let audio) = try Self.answer(offer) else { Issue.record("rejected"); return }
        #expect(audio.remoteAddress == "0.0.0.0")
        #expect(audio.direction == answered && answer.media[0].direction == answered)
    }

    @Test("a session-level direction counts for the stream")
    func sessionDirection() throws {
        let offer = Self.mediant.replacing("a=sendrecv\r\n", with: "")
            .replacing("t=0 0\r\n", with: "t=0 0\r\na=sendonly\r\n")
        guard case .accepted(_, let audio) = try Self.answer(offer) else { Issue.record("rejected"); return }
        #expect(audio.direction == .recvonly)
    }

    @Test("an offer without telephone-event is answered without it; IPv6 gets IP6")
    func plainAndIPv6() throws {
        let offer = "v=0\r\no=- 1 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 5004 RTP/AVP 0\r\n"
        guard case .accepted(let answer, let audio) = try Self.answer(offer, address: "2001:db8::7") else { Issue.record("rejected"); return }
        #expect(audio.telephoneEventPayloadType == nil && audio.remoteAddress == "2001:db8::1")
        #expect(answer.media[0].formats == ["0"])
        #expect(answer.connection == SDPConnection(addressType: "IP6", address: "2001:db8::7"))
    }

    @Test("a second audio stream and a disabled one are answered at port 0, the first usable one accepted")
    func severalStreams() throws {
        let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 0 RTP/AVP 0\r\nm=audio 7000 RTP/AVP 18\r\nm=audio 7002 RTP/AVP 8\r\nm=audio 7004 RTP/AVP 0\r\n"
        guard case .accepted(let answer, let audio) = try Self.answer(offer) else { Issue.record("rejected"); return }
        #expect(audio.mediaIndex == 2 && audio.codec == .pcma)
        #expect(answer.media.map(\.port) == [0, 0, 30000, 0])
        #expect(answer.media.map(\.formats) == [["0"], ["18"], ["8"], ["0"]])
    }

    @Test("a dynamic payload type mapped to PCMU is kept; PCMU at another rate is not G.711")
    func dynamicTypes() throws {
        let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 7000 RTP/AVP 97 98 0\r\n"
            + "a=rtpmap:97 PCMU/16000\r\na=rtpmap:98 pcmu/8000\r\na=rtpmap:0 PCMU/8000\r\n"
        guard case .accepted(_, let audio) = try Self.answer(offer) else { Issue.record("rejected"); return }
        #expect(audio.payloadType == 98 && audio.codec == .pcmu)
    }

    @Test("offers without a common codec, without audio, or only over SRTP are refused with their Warning", arguments: [
        ("m=audio 7000 RTP/AVP 18 9\r\na=rtpmap:18 G729/8000\r\n", .noCommonCodec, "305 sb.example.com \"Incompatible media format\""),
        ("m=video 7000 RTP/AVP 99\r\nm=image 7002 udptl t38\r\nm=audio 0 RTP/AVP 0\r\n", .noAudioStream,
         "304 sb.example.com \"Media type not available\""),
        ("m=audio 7000 RTP/SAVP 0 8\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz\r\n",
         .incompatibleTransport, "302 sb.example.com \"Incompatible transport protocol\""),
        ("m=audio 7000 RTP/SAVP 0\r\nm=audio 7002 RTP/AVP 18\r\n", .noCommonCodec, "305 sb.example.com \"Incompatible media format\""),
    ] as [(String, MediaRejection, String)])
    func refused(media: String, rejection: MediaRejection, warning: String) throws {
        let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n" + media
        #expect(try Self.answer(offer) == .rejected(rejection))
        #expect(rejection.warningHeaderValue(agent: "sb.example.com") == warning)
    }

    @Test("an audio stream without any connection address is refused")
    func noAddress() throws {
        let offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0\r\n"
        #expect(try Self.answer(offer) == .rejected(.noConnectionAddress))
        #expect(MediaRejection.noConnectionAddress.warningCode == 399)
    }
}
