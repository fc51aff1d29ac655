import NIOCore
import SIPCore
@testable import SIPTransport
import Testing

@Suite("Server transport: received/rport stamping and response routing (RFC 3261 §18.2, RFC 3581)")
struct SIPTransportViaTests {
    static func headers(via: String) throws -> SIPHeaders {
        let text = "OPTIONS sip:a@192.0.2.1 SIP/2.0\r\nVia: \(via)\r\nFrom: <sip:b@192.0.2.9>;tag=1\r\nTo: <sip:a@192.0.2.1>\r\n"
            + "Call-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        guard case .request(let request) = try SIPMessage(parsing: Array(text.utf8)) else { throw NotARequest() }
        return request.headers
    }

    struct NotARequest: Error {}

    @Test("received is added when the sent-by host is not the packet's source; rport gets the source port")
    func stamping() throws {
        let source = try SIPPeerAddress(transport: .udp, host: "198.51.100.7", port: 40_000)
        var nat = try Self.headers(via: "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport")
        SIPTransport.stampVia(&nat, source: source)
        #expect(nat.via[0].received == "198.51.100.7")
        #expect(nat.via[0].rport == .some("40000"))

        var direct = try Self.headers(via: "SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK1")
        SIPTransport.stampVia(&direct, source: source)
        #expect(direct.via[0].received == nil)
        #expect(direct.via[0].rport == nil)
    }

    @Test("A response goes to received and rport over UDP, to sent-by without them")
    func udpDestination() throws {
        let source = try SIPPeerAddress(transport: .udp, host: "198.51.100.7", port: 40_000)
        var headers = try Self.headers(via: "SIP/2.0/UDP 10.0.0.5:5070;branch=z9hG4bK1;rport")
        SIPTransport.stampVia(&headers, source: source)
        #expect(SIPTransport.responseDestination(for: headers, source: source, connectionOpen: false) == source)

        let plain = try Self.headers(via: "SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bK1")
        #expect(SIPTransport.responseDestination(for: plain, source: nil, connectionOpen: false)
            == (try SIPPeerAddress(transport: .udp, host: "192.0.2.4", port: 5070)))
    }

    @Test("Over TCP the response takes the open connection; once closed, the Via's address and default port")
    func streamDestination() throws {
        let source = try SIPPeerAddress(transport: .tcp, host: "192.0.2.4", port: 50_123)
        let headers = try Self.headers(via: "SIP/2.0/TCP 192.0.2.4;branch=z9hG4bK1")
        #expect(SIPTransport.responseDestination(for: headers, source: source, connectionOpen: true) == source)
        #expect(SIPTransport.responseDestination(for: headers, source: source, connectionOpen: false)
            == (try SIPPeerAddress(transport: .tcp, host: "192.0.2.4", port: 5060)))
    }

    @Test("A peer is at its own address text and port over its transport, and at nothing else")
    func peerIsAt() throws {
        let peer = try SIPPeerAddress(transport: .udp, host: "198.51.100.7", port: 40_000)
        #expect(peer.isAt(.udp, host: "198.51.100.7", port: 40_000))
        #expect(!peer.isAt(.tcp, host: "198.51.100.7", port: 40_000))
        #expect(!peer.isAt(.udp, host: "198.51.100.7", port: 5060))
        #expect(!peer.isAt(.udp, host: "198.51.100.8", port: 40_000))
        let six = try SIPPeerAddress(transport: .udp, host: "[2001:db8::1]", port: 5060)
        #expect(six.ipAddress == "2001:db8::1")
        #expect(six.isAt(.udp, host: "2001:db8::1", port: 5060))
    }
}
