import SIPCore
import Testing

/// SDP (RFC 4566): exact round trips, typed errors, directions and rtpmaps.
@Suite("Session descriptions")
struct SessionDescriptionTests {
    /// An offer as an SBC in front of Teams sends it: SRTP, ICE candidates, telephone-event, comfort noise.
    static let teamsOffer = """
        v=0\r
        o=- 1704067200 2 IN IP4 203.0.113.5\r
        s=SBC\r
        i=Call from PSTN\r
        c=IN IP4 203.0.113.5\r
        b=AS:128\r
        t=0 0\r
        a=ice-lite\r
        m=audio 40000 RTP/SAVP 0 8 101 13\r
        c=IN IP4 203.0.113.5\r
        b=TIAS:64000\r
        a=rtpmap:0 PCMU/8000\r
        a=rtpmap:8 PCMA/8000\r
        a=rtpmap:101 telephone-event/8000\r
        a=fmtp:101 0-16\r
        a=rtpmap:13 CN/8000\r
        a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz|2^31\r
        a=candidate:1 1 UDP 2130706431 203.0.113.5 40000 typ host\r
        a=ptime:20\r
        a=sendrecv\r
        m=video 0 RTP/AVP 34\r
        a=inactive\r

        """

    static let samples = [
        teamsOffer,
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com\r\ns= \r\nc=IN IP4 host.atlanta.example.com\r\n"
            + "t=0 0\r\nm=audio 49170 RTP/AVP 0 8 97\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:97 iLBC/8000\r\n"
            + "m=video 51372/2 RTP/AVP 31 32\r\na=rtpmap:31 H261/90000\r\na=rtpmap:32 MPV/90000\r\n",
        "v=0\r\no=jdoe 2890844526 2890842807 IN IP4 10.47.16.5\r\ns=SDP Seminar\r\ni=A Seminar on the session description protocol\r\n"
            + "u=http://www.example.com/seminars/sdp.pdf\r\ne=j.doe@example.com (Jane Doe)\r\np=+1 617 555-6011\r\n"
            + "c=IN IP4 224.2.17.12/127\r\nt=2873397496 2873404696\r\nr=7d 1h 0 25h\r\nz=2882844526 -1h 2898848070 0\r\n"
            + "k=clear:secret\r\na=recvonly\r\nm=audio 49170 RTP/AVP 0\r\ni=the audio\r\nc=IN IP4 224.2.17.12/127\r\n"
            + "c=IN IP4 224.2.17.13/127\r\nb=AS:64\r\nk=prompt\r\nm=application 32416 udp wb\r\na=orient:portrait\r\na=foo:\r\n",
    ]

    @Test("well-formed descriptions serialize back byte for byte", arguments: samples)
    func exactRoundTrip(text: String) throws {
        #expect(try SessionDescription(parsing: text).serialized() == Array(text.utf8))
    }

    @Test("the typed parts of an SBC offer")
    func typedParts() throws {
        let sdp = try SessionDescription(parsing: Self.teamsOffer)
        #expect(sdp.origin == SDPOrigin(sessionID: "1704067200", sessionVersion: 2, unicastAddress: "203.0.113.5"))
        #expect(sdp.connection?.address == "203.0.113.5")
        #expect(sdp.bandwidths == ["AS:128"])
        #expect(sdp.information == [SDPLine(type: "i", value: "Call from PSTN")])
        #expect(sdp.attributes == [SDPAttribute(name: "ice-lite")])
        let audio = try #require(sdp.media.first)
        #expect(audio.media == "audio" && audio.port == 40000 && audio.proto == "RTP/SAVP")
        #expect(audio.formats == ["0", "8", "101", "13"])
        #expect(audio.rtpMaps.map(\.encodingName) == ["PCMU", "PCMA", "telephone-event", "CN"])
        #expect(audio.rtpMaps[2] == SDPRTPMap(payloadType: 101, encodingName: "telephone-event", clockRate: 8000))
        #expect(audio.formatParameters(for: 101) == "0-16")
        #expect(audio.formatParameters(for: 0) == nil)
        #expect(sdp.media[1].port == 0)
    }

    @Test("directions: the media's own, else the session's, else sendrecv")
    func directions() throws {
        var sdp = try SessionDescription(parsing: Self.teamsOffer)
        #expect(sdp.media.map { sdp.effectiveDirection(of: $0) } == [.sendrecv, .inactive])
        sdp.media[0].direction = nil
        sdp.direction = .recvonly
        #expect(sdp.effectiveDirection(of: sdp.media[0]) == .recvonly)
        sdp.direction = nil
        #expect(sdp.effectiveDirection(of: sdp.media[0]) == .sendrecv)
    }

    @Test("putting a call on hold rewrites the attribute in place and bumps the version")
    func holdRewrite() throws {
        var sdp = try SessionDescription(parsing: Self.teamsOffer)
        sdp.media[0].direction = .sendonly
        sdp.origin.sessionVersion += 1
        sdp.media[0].port = 41000
        let text = String(decoding: sdp.serialized(), as: UTF8.self)
        #expect(text == Self.teamsOffer.replacingOccurrences(of: "a=sendrecv", with: "a=sendonly")
            .replacingOccurrences(of: "1704067200 2", with: "1704067200 3")
            .replacingOccurrences(of: "audio 40000", with: "audio 41000"))
    }

    @Test("a direction is appended where there was none")
    func appendedDirection() throws {
        var media = MediaDescription(media: "audio", port: 4000, formats: ["0"], attributes: [SDPAttribute(name: "ptime", value: "20")])
        media.direction = .inactive
        #expect(media.attributes == [SDPAttribute(name: "ptime", value: "20"), SDPAttribute(name: "inactive")])
    }

    @Test("a built description serializes in RFC 4566 order and reads back")
    func builtDescription() throws {
        let sdp = SessionDescription(
            origin: SDPOrigin(sessionID: "42", sessionVersion: 1, unicastAddress: "192.0.2.1"),
            connection: SDPConnection(address: "192.0.2.1"),
            media: [MediaDescription(media: "audio", port: 30000, formats: ["0", "101"],
                                     attributes: [SDPAttribute(name: "rtpmap", value: "101 telephone-event/8000"),
                                                  SDPAttribute(name: "sendrecv")])])
        let text = "v=0\r\no=- 42 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 101\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n"
        #expect(sdp.serialized() == Array(text.utf8))
        #expect(try SessionDescription(parsing: text) == sdp)
    }

    @Test("lines ending in LF alone are read, and written with CRLF")
    func bareLineFeeds() throws {
        let sdp = try SessionDescription(parsing: "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 1 RTP/AVP 0\n")
        #expect(sdp.serialized() == Array("v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\nm=audio 1 RTP/AVP 0\r\n".utf8))
    }

    static let base = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\n"

    @Test("malformed descriptions name the line and the reason", arguments: [
        ("", SDPParseError.Reason.missingLine("v"), 1),
        ("v=0\r\ns=-\r\n", .missingLine("o"), 2),
        ("v=zero\r\n", .malformedLine("v"), 1),
        (base + "t=0 0\r\nx=1\r\n", .unknownType("x"), 5),
        (base + "t=0 0\r\nc=IN IP4 192.0.2.1\r\n", .outOfOrder("c"), 5),
        (base + "c=IN IP4 192.0.2.1\r\nc=IN IP4 192.0.2.2\r\nt=0 0\r\n", .outOfOrder("c"), 5),
        (base + "c=IN IP4\r\nt=0 0\r\n", .malformedLine("c"), 4),
        (base + "m=audio 1 RTP/AVP 0\r\n", .missingLine("t"), 4),
        (base + "t=0 0\r\nm=audio port RTP/AVP 0\r\n", .malformedLine("m"), 5),
        (base + "t=0 0\r\nm=audio 1 RTP/AVP\r\n", .malformedLine("m"), 5),
        (base + "t=0 0\r\nm=audio 1 RTP/AVP 0\r\nt=0 0\r\n", .outOfOrder("t"), 6),
        (base + "t=0 0\r\nm=audio 1 RTP/AVP 0\r\na=sendrecv\r\nc=IN IP4 192.0.2.1\r\n", .outOfOrder("c"), 7),
        (base + "t=0 0\r\na=\r\n", .malformedLine("a"), 5),
        (base + "t=0 0\r\n\r\na=x\r\n", .malformedLine(nil), 5),
        ("v=0\r\no=- 1 one IN IP4 192.0.2.1\r\ns=-\r\nt=0 0\r\n", .malformedLine("o"), 2),
    ])
    func malformed(text: String, reason: SDPParseError.Reason, line: Int) {
        let error = #expect(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error?.reason == reason)
        #expect(error?.line == line)
    }
}
