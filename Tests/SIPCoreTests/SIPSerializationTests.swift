import SIPCore
import Testing

/// The Swift serializer: header order, Content-Length from the body, wire forms of values.
@Suite("SIP serialization")
struct SIPSerializationTests {
    static let headers = SIPHeaders(
        via: [SIPVia(transport: "UDP", host: "192.0.2.10", port: 5060, parameters: [SIPParameter(name: "branch", value: "z9hG4bK1"),
                                                                                     SIPParameter(name: "rport")]),
              SIPVia(transport: "TCP", host: "[2001:db8::1]", parameters: [SIPParameter(name: "branch", value: "z9hG4bK2")])],
        from: SIPNameAddress(displayName: "Caller", uri: SIPURI(user: "+4940555", host: "sbc.example.com",
                                                                 parameters: [SIPParameter(name: "user", value: "phone")]),
                             parameters: [SIPParameter(name: "tag", value: "f1")]),
        to: SIPNameAddress(uri: SIPURI(user: "+4930123", host: "sbc.example.com")),
        callID: "c1@switchboard",
        cseq: SIPCSeq(sequenceNumber: 2, method: .invite),
        contact: [SIPNameAddress(uri: SIPURI(host: "192.0.2.20", port: 5080, parameters: [SIPParameter(name: "transport", value: "tcp")]))],
        route: [SIPNameAddress(uri: SIPURI(host: "proxy.example.com", parameters: [SIPParameter(name: "lr")]))],
        recordRoute: [SIPNameAddress(uri: SIPURI(host: "rr.example.com", parameters: [SIPParameter(name: "lr")]))],
        maxForwards: 70,
        contentType: "application/sdp",
        fields: [SIPHeaderField(name: "Supported", value: "timer"), SIPHeaderField(name: "X-MS-SBC", value: "a"),
                 SIPHeaderField(name: "Supported", value: "replaces")])

    @Test("a request comes out in SIPCore's order with Content-Length from the body")
    func requestBytes() {
        let request = SIPRequest(method: .invite, requestURI: SIPURI(user: "+4930123", host: "sbc.example.com",
                                                                      parameters: [SIPParameter(name: "user", value: "phone")]),
                                 headers: Self.headers, body: Array("v=0\r\n".utf8))
        let expected = """
            INVITE sip:+4930123@sbc.example.com;user=phone SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport\r
            Via: SIP/2.0/TCP [2001:db8::1];branch=z9hG4bK2\r
            Route: <sip:proxy.example.com;lr>\r
            Record-Route: <sip:rr.example.com;lr>\r
            From: "Caller" <sip:+4940555@sbc.example.com;user=phone>;tag=f1\r
            To: <sip:+4930123@sbc.example.com>\r
            Call-ID: c1@switchboard\r
            CSeq: 2 INVITE\r
            Contact: <sip:192.0.2.20:5080;transport=tcp>\r
            Max-Forwards: 70\r
            Supported: timer\r
            X-MS-SBC: a\r
            Supported: replaces\r
            Content-Type: application/sdp\r
            Content-Length: 5\r
            \r
            v=0\r

            """
        #expect(String(decoding: request.serialized(), as: UTF8.self) == expected)
        #expect(String(decoding: SIPMessage.request(request).serialized(), as: UTF8.self) == expected)
    }

    @Test("a response starts with its Status-Line and omits what is absent")
    func responseBytes() {
        var headers = Self.headers
        headers.route = []
        headers.recordRoute = []
        headers.contact = []
        headers.maxForwards = nil
        headers.contentType = nil
        headers.fields = []
        let response = SIPResponse(statusCode: 486, reasonPhrase: "Busy Here", headers: headers)
        let text = String(decoding: response.serialized(), as: UTF8.self)
        #expect(text.hasPrefix("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport\r\n"))
        #expect(text.hasSuffix("CSeq: 2 INVITE\r\nContent-Length: 0\r\n\r\n"))
        #expect(!text.contains("Max-Forwards") && !text.contains("Content-Type") && !text.contains("Route"))
    }

    @Test("an INVITE without a To tag starts a call; one with a tag, or another method, does not")
    func initialInvite() {
        let uri = SIPURI(user: "+4930123", host: "sbc.example.com")
        var inDialog = Self.headers
        inDialog.to.tag = "t1"
        #expect(SIPRequest(method: .invite, requestURI: uri, headers: Self.headers).isInitialInvite)
        #expect(!SIPRequest(method: .invite, requestURI: uri, headers: inDialog).isInitialInvite)
        #expect(!SIPRequest(method: .options, requestURI: uri, headers: Self.headers).isInitialInvite)
    }

    @Test("a message longer than the length guessed for it comes out whole, as a short one does")
    func longerThanGuessed() throws {
        var headers = Self.headers
        let name = String(repeating: "Caller ", count: 120)
        headers.from.displayName = name
        headers.to.displayName = name
        let request = SIPRequest(method: .invite, requestURI: SIPURI(user: "+4930123", host: "sbc.example.com"), headers: headers)
        let bytes = request.serialized()
        // The guess counts 96 bytes per Via, Route, Record-Route and Contact value and a few hundred
        // for the rest: under 1,000 here, against two display names of 840 bytes each.
        #expect(bytes.count > 2_000)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("INVITE sip:+4930123@sbc.example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport\r\n"))
        #expect(text.contains("From: \"\(name)\" <sip:+4940555@sbc.example.com;user=phone>;tag=f1\r\n"))
        #expect(text.hasSuffix("Content-Length: 0\r\n\r\n"))
        guard case .request(let parsed) = try SIPMessage(parsing: bytes) else {
            Issue.record("not parsed back as a request")
            return
        }
        #expect(parsed.headers.from.displayName == name && parsed.headers.to.displayName == name)
    }

    @Test("a built message parses back to itself", arguments: [0, 1, 300])
    func builtMessageRoundTrips(bodyLength: Int) throws {
        let message = SIPMessage.request(SIPRequest(method: .invite, requestURI: SIPURI(user: "+4930123", host: "sbc.example.com"),
                                                    headers: Self.headers, body: Array(repeating: 0x61, count: bodyLength)))
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }

    @Test("URIs", arguments: [
        (SIPURI(scheme: "sips", user: "alice", password: "secret", host: "example.com", port: 5061,
                parameters: [SIPParameter(name: "transport", value: "tls")],
                headers: [SIPParameter(name: "Subject", value: "x"), SIPParameter(name: "Priority", value: "urgent")]),
         "sips:alice:secret@example.com:5061;transport=tls?Subject=x&Priority=urgent"),
        (SIPURI(scheme: "tel", host: "+4930123", parameters: [SIPParameter(name: "phone-context", value: "example.com")]),
         "tel:+4930123;phone-context=example.com"),
        (SIPURI(host: "[2001:db8::1]", port: 5060), "sip:[2001:db8::1]:5060"),
    ])
    func uriDescription(uri: SIPURI, text: String) {
        #expect(uri.description == text)
    }

    @Test("addresses are always written as name-addr")
    func nameAddressDescription() {
        let address = SIPNameAddress(displayName: #"A \"B\""#, uri: SIPURI(user: "a", host: "example.com"),
                                     parameters: [SIPParameter(name: "tag", value: "1"), SIPParameter(name: "lr")])
        #expect(address.description == #""A \"B\"" <sip:a@example.com>;tag=1;lr"#)
        #expect(SIPNameAddress(uri: SIPURI(host: "example.com")).description == "<sip:example.com>")
    }

    @Test("Via and CSeq descriptions")
    func viaAndCSeqDescription() {
        #expect(Self.headers.via[0].description == "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1;rport")
        #expect(Self.headers.cseq.description == "2 INVITE")
    }
}
