import Media
import SIPCore
import Testing

/// Our own audio offer (RFC 3264 §5) and the reading of the answers an SBC returns.
@Suite("SDP offers")
struct AudioOfferTests {
    static let origin = SDPOrigin(username: "switchboard", sessionID: "7", sessionVersion: 1, unicastAddress: "198.51.100.7")

    static func answer(_ media: String) throws -> SessionDescription {
        try SessionDescription(parsing: "v=0\r\no=- 5 5 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" + media)
    }

    @Test("the offer: PCMU, PCMA, telephone-event 101, 20 ms, both ways")
    func offer() {
        let offer = AudioOfferer.offer(address: "198.51.100.7", port: 40000, origin: Self.origin)
        let expected = "v=0\r\no=switchboard 7 1 IN IP4 198.51.100.7\r\ns=-\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n"
        #expect(String(decoding: offer.serialized(), as: UTF8.self) == expected)
    }

    @Test("our offer answered by our own answerer agrees with itself")
    func selfAnswer() {
        let offer = AudioOfferer.offer(address: "198.51.100.7", port: 40000, origin: Self.origin)
        guard case .accepted(let answer, let theirs) = AudioAnswerer.answer(to: offer, address: "192.0.2.10", port: 6000,
                                                                           origin: Self.origin) else {
            Issue.record("rejected")
            return
        }
        #expect(theirs.codec == .pcmu && theirs.telephoneEventPayloadType == 101)
        let ours = AudioOfferer.readAnswer(answer)
        #expect(ours == .success(NegotiatedAudio(mediaIndex: 0, codec: .pcmu, payloadType: 0, telephoneEventPayloadType: 101,
                                                 remoteAddress: "192.0.2.10", remotePort: 6000, direction: .sendrecv)))
    }

    @Test("an SBC's answer choosing A-law without DTMF")
    func aLawAnswer() throws {
        let answer = try Self.answer("m=audio 6020 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na=ptime:20\r\n")
        let audio = try AudioOfferer.readAnswer(answer).get()
        #expect(audio.codec == .pcma && audio.telephoneEventPayloadType == nil && audio.remotePort == 6020)
    }

    @Test("an answer that puts us on hold lets us only send")
    func heldAnswer() throws {
        let answer = try Self.answer("m=audio 6020 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=recvonly\r\n")
        #expect(try AudioOfferer.readAnswer(answer).get().direction == .sendonly)
    }

    @Test("an answer refusing the stream or naming a codec we did not offer is a rejection")
    func refusedAnswers() throws {
        #expect(AudioOfferer.readAnswer(try Self.answer("m=audio 0 RTP/AVP 0\r\n")) == .failure(.noAudioStream))
        #expect(AudioOfferer.readAnswer(try Self.answer("m=audio 6020 RTP/AVP 98\r\na=rtpmap:98 PCMU/8000\r\n"))
            == .failure(.noCommonCodec))
    }
}
