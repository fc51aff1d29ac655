import Media
import SIPCore
import Testing

/// Where RTCP goes: the RTP port + 1 (RFC 3550 §11) unless the stream's `a=rtcp` says otherwise (RFC 3605).
@Suite("RTCP attribute")
struct RTCPAttributeTests {
    static func negotiated(_ rtcpLine: String?) throws -> NegotiatedAudio {
        let offer = "v=0\r\no=sbc 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 6010 RTP/AVP 0\r\n"
            + (rtcpLine.map { "\($0)\r\n" } ?? "")
        let origin = SDPOrigin(username: "switchboard", sessionID: "1", sessionVersion: 1, unicastAddress: "198.51.100.7")
        guard case .accepted(_, let audio) = AudioAnswerer.answer(to: try SessionDescription(parsing: offer), address: "198.51.100.7",
                                                                  port: 30000, origin: origin) else {
            throw RTCPAttributeTestError.rejected
        }
        return audio
    }

    enum RTCPAttributeTestError: Error { case rejected }

    @Test("without a=rtcp, RTCP goes to the RTP address and port + 1")
    func defaultPort() throws {
        let audio = try Self.negotiated(nil)
        #expect(audio.remoteRTCPAddress == "192.0.2.10" && audio.remoteRTCPPort == 6011)
    }

    @Test("a=rtcp gives the port, and with IN IP4 the address")
    func attribute() throws {
        let port = try Self.negotiated("a=rtcp:53020")
        #expect(port.remoteRTCPAddress == "192.0.2.10" && port.remoteRTCPPort == 53020)
        let address = try Self.negotiated("a=rtcp:53020 IN IP4 192.0.2.4")
        #expect(address.remoteRTCPAddress == "192.0.2.4" && address.remoteRTCPPort == 53020 && address.remotePort == 6010)
    }

    @Test("a malformed a=rtcp is passed over: port + 1")
    func malformed() throws {
        for line in ["a=rtcp:0", "a=rtcp:seventy", "a=rtcp:53020 IN", "a=rtcp:70000"] {
            let audio = try Self.negotiated(line)
            #expect(audio.remoteRTCPAddress == "192.0.2.10" && audio.remoteRTCPPort == 6011, "\(line)")
        }
    }
}
