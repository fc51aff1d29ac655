@testable import B2BUA
import Testing

@Suite("SDP session version (RFC 3264 §8)")
struct SessionVersionTests {
    let ours = Array("v=0\r\no=switchboard 4242 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 20000 RTP/AVP 0\r\n".utf8)
    let agents = Array("v=0\r\no=teams 2001 7 IN IP4 198.51.100.7\r\ns=agent\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n".utf8)

    @Test func theAgentsDescriptionGoesOutUnderOurOriginOneVersionOn() throws {
        let origin = try #require(SessionVersion.origin(of: ours))
        #expect(origin == "switchboard 4242 1 IN IP4 192.0.2.1")
        let reoffer = try #require(SessionVersion.reoffer(agents, continuing: origin))
        #expect(reoffer.origin == "switchboard 4242 2 IN IP4 192.0.2.1")
        #expect(String(decoding: reoffer.description, as: UTF8.self) ==
            "v=0\r\no=switchboard 4242 2 IN IP4 192.0.2.1\r\ns=agent\r\nc=IN IP4 198.51.100.7\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n",
            "only the o= line changes: c= and m= still point at the agent")
        #expect(SessionVersion.reoffer(reoffer.description, continuing: reoffer.origin)?.origin == "switchboard 4242 3 IN IP4 192.0.2.1")
    }

    @Test func bareLineFeedsAreReadAndCRLFWritten() throws {
        let reoffer = try #require(SessionVersion.reoffer(Array("v=0\no=x 1 9 IN IP4 10.0.0.1\ns=-\n".utf8), continuing: "sb 5 1 IN IP4 10.0.0.2"))
        #expect(String(decoding: reoffer.description, as: UTF8.self) == "v=0\r\no=sb 5 2 IN IP4 10.0.0.2\r\ns=-\r\n")
    }

    @Test func aDescriptionOrOriginWithoutAUsableOLineIsLeftAlone() {
        #expect(SessionVersion.reoffer(Array("v=0\r\ns=-\r\n".utf8), continuing: "sb 5 1 IN IP4 10.0.0.2") == nil)
        #expect(SessionVersion.reoffer(agents, continuing: "sb 5 one IN IP4 10.0.0.2") == nil)
        #expect(SessionVersion.reoffer(agents, continuing: "sb 5 1 IN IP4") == nil)
        #expect(SessionVersion.origin(of: Array("v=0\r\n".utf8)) == nil)
    }
}
