import SIPCore
import SIPTransport
import Testing

/// A new call's `100 Trying` written from the INVITE's bytes: what it holds, and the messages it
/// leaves to the parse.
@Suite("100 Trying from an INVITE's bytes")
struct SIPEarlyTryingTests {
    /// An INVITE from the SBC at 192.0.2.10:5060, with `via` as its top Via's value and `extra`
    /// header lines after Max-Forwards.
    static func invite(via: String = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1", extra: String = "",
                       startLine: String = "INVITE sip:+15550100@192.0.2.1 SIP/2.0", cseq: String = "CSeq: 1 INVITE") -> String {
        "\(startLine)\r\nVia: \(via)\r\nFrom: \"Caller\" <sip:+15551230000@192.0.2.10>;tag=f1\r\n"
            + "To: <sip:+15550100@192.0.2.1>\r\nCall-ID: c1@sbc\r\n\(cseq)\r\nMax-Forwards: 70\r\n\(extra)"
            + "Content-Type: application/sdp\r\nContent-Length: 4\r\n\r\nv=0\n"
    }

    static func trying(_ message: String, from ip: String = "192.0.2.10", port: Int = 5060) -> SIPEarlyTrying? {
        Array(message.utf8).withUnsafeBytes { SIPEarlyTrying(invite: $0, sourceIP: ip, sourcePort: port) }
    }

    static func text(_ trying: SIPEarlyTrying?) -> String? {
        trying.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    @Test("The 100 copies Via, From, To, Call-ID and CSeq as they came, with no body")
    func plainInvite() throws {
        let trying = try #require(Self.trying(Self.invite()))
        #expect(Self.text(trying) == "SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1\r\n"
            + "From: \"Caller\" <sip:+15551230000@192.0.2.10>;tag=f1\r\nTo: <sip:+15550100@192.0.2.1>\r\n"
            + "Call-ID: c1@sbc\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n")
        #expect(trying.branch == "z9hG4bK-1")
        #expect(trying.sentByHost == "192.0.2.10")
        #expect(trying.sentByPort == 5060)
    }

    @Test("rport is filled in where it stands and received added; a sent-by that is not the source gets received")
    func stamping() throws {
        let rport = Self.text(Self.trying(Self.invite(via: "SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK-2"), from: "198.51.100.7", port: 40_000))
        #expect(rport?.contains("Via: SIP/2.0/UDP 192.0.2.10:5060;rport=40000;branch=z9hG4bK-2;received=198.51.100.7\r\n") == true)
        let named = Self.text(Self.trying(Self.invite(via: "SIP/2.0/UDP sbc.example.com;branch=z9hG4bK-3")))
        #expect(named?.contains("Via: SIP/2.0/UDP sbc.example.com;branch=z9hG4bK-3;received=192.0.2.10\r\n") == true)
        let ipv6 = try #require(Self.trying(Self.invite(via: "SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-4"), from: "2001:db8::1"))
        #expect(Self.text(ipv6)?.contains("Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-4\r\n") == true)
        #expect(ipv6.sentByHost == "[2001:db8::1]")
    }

    @Test("Every Via in order, compact names, and each Timestamp are copied")
    func compactAndTimestamps() throws {
        let message = "INVITE sip:+15550100@192.0.2.1 SIP/2.0\r\nv: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-5\r\n"
            + "v: SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK-upstream\r\nf: <sip:a@192.0.2.10>;tag=x\r\nt: <sip:+15550100@192.0.2.1>\r\n"
            + "i: c5\r\nCSeq: 7 INVITE\r\nTimestamp: 54.3 0.1\r\nl: 0\r\n\r\n"
        #expect(Self.text(Self.trying(message)) == "SIP/2.0 100 Trying\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-5\r\n"
            + "Via: SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK-upstream\r\nFrom: <sip:a@192.0.2.10>;tag=x\r\n"
            + "To: <sip:+15550100@192.0.2.1>\r\nCall-ID: c5\r\nCSeq: 7 INVITE\r\nTimestamp: 54.3 0.1\r\nContent-Length: 0\r\n\r\n")
    }

    @Test("A header it does not copy may be empty; one it copies may not")
    func emptyValues() {
        #expect(Self.trying(Self.invite(extra: "Subject:\r\n")) != nil)
        #expect(Self.trying(Self.invite(extra: "Timestamp: \r\n")) == nil)
    }

    @Test("Anything unusual is left to the parse", arguments: [
        invite(extra: "Subject: a\r\n folded\r\n"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-6, SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK-7"),
        invite(via: "SIP/2.0/TCP 192.0.2.10:5060;branch=z9hG4bK-8"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060 ; branch=z9hG4bK-9"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-10;received=192.0.2.10"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;rport=5060;branch=z9hG4bK-11"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;maddr=239.0.0.1;branch=z9hG4bK-12"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bK-13"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:99999;branch=z9hG4bK-14"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;branch="),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-17;branch=z9hG4bK-18"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK-19;rport"),
        invite(startLine: "INVITE sip:+15550100@192.0.2.1 SIP/3.0"),
        invite(cseq: "CSeq: 1 OPTIONS"),
        invite(extra: "Call-ID: second\r\n"),
        invite(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-16\rX"),
        invite(cseq: "CSeq: 1\u{0} INVITE"),
        invite(cseq: "X-CSeq: 1 INVITE"),
        "BYE sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-15\r\n\r\n",
        String(invite().prefix(120)),
    ])
    func leftToTheParse(message: String) {
        #expect(Self.trying(message) == nil)
    }
}
