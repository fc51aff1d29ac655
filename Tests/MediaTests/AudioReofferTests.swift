import Media
import SIPCore
import Testing

/// New offers in a running session (RFC 3264 §8): the stream follows the other side, Switchboard's
/// description stays, its version moving only when the answer changed.
@Suite("SDP re-offers")
struct AudioReofferTests {
    static let origin = SDPOrigin(username: "switchboard", sessionID: "42", sessionVersion: 1, unicastAddress: "198.51.100.7")

    static func offer(port: Int = 6000, address: String = "192.0.2.10", formats: String = "8 101", direction: String = "sendrecv") -> String {
        "v=0\r\no=sbc 1 2 IN IP4 \(address)\r\ns=-\r\nc=IN IP4 \(address)\r\nt=0 0\r\nm=audio \(port) RTP/AVP \(formats)\r\n"
            + "a=rtpmap:96 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=\(direction)\r\n"
    }

    /// The session as it runs: Switchboard's answer to the first offer, from port 30000, and its stream.
    static func running() throws -> (SessionDescription, NegotiatedAudio) {
        let first = AudioAnswerer.answer(to: try SessionDescription(parsing: offer()), address: "198.51.100.7", port: 30000, origin: origin)
        guard case .accepted(let answer, let audio) = first else { throw FirstOfferRejected() }
        return (answer, audio)
    }

    struct FirstOfferRejected: Error {}

    static func reanswer(_ text: String) throws -> Result<(description: SessionDescription, audio: NegotiatedAudio), MediaRejection> {
        let (description, audio) = try running()
        return AudioReoffer.answer(to: try SessionDescription(parsing: text), in: description, current: audio)
    }

    @Test("a new port or address moves the stream; the answer is the same description, version and all")
    func movedMedia() throws {
        let (description, _) = try Self.running()
        let moved = try Self.reanswer(Self.offer(port: 7000, address: "192.0.2.11")).get()
        #expect(moved.audio.remoteAddress == "192.0.2.11" && moved.audio.remotePort == 7000)
        #expect(moved.description == description, "unchanged: the same o= version (RFC 3264 §8)")
        #expect(moved.description.serialized() == description.serialized())
    }

    @Test("another payload type for the same codec changes the answer, one version on, same port")
    func newPayloadType() throws {
        let changed = try Self.reanswer(Self.offer(formats: "96 101")).get()
        #expect(changed.audio.payloadType == 96 && changed.audio.codec == .pcma)
        #expect(changed.description.origin.sessionVersion == 2)
        #expect(changed.description.origin.sessionID == "42")
        #expect(changed.description.media[0].port == 30000 && changed.description.media[0].formats == ["96", "101"])
    }

    @Test("put on hold (sendonly), the answer is recvonly, one version on, and the stream sends nothing")
    func onHold() throws {
        let held = try Self.reanswer(Self.offer(direction: "sendonly")).get()
        #expect(held.audio.direction == .recvonly)
        #expect(held.description.origin.sessionVersion == 2)
    }

    @Test("the other law alone is refused (no transcoding); with both, the running codec is kept")
    func codecKept() throws {
        #expect(throws: MediaRejection.noCommonCodec) { try Self.reanswer(Self.offer(formats: "0 101")).get() }
        let both = try Self.reanswer(Self.offer(formats: "0 8 101")).get()
        #expect(both.audio.codec == .pcma && both.audio.payloadType == 8)
    }
}
