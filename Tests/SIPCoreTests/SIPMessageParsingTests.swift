import SIPCore
import Testing

/// What the parser keeps from an SBC's messages beyond the torture tests: tel Request-URIs, header
/// names, Contact `*`, lists libosip2 splits, the Timestamp and WWW-Authenticate headers it rewrites.
@Suite("Message parsing details")
struct SIPMessageParsingTests {
    private func parse(_ lines: [String], startLine: String = "INVITE sip:+4930123@switchboard.example.com SIP/2.0") throws -> SIPMessage {
        try SIPMessage(parsing: SIPParseErrorTests.message(startLine: startLine, replacing: "Contact",
                                                           with: lines.joined(separator: "\r\n")))
    }

    @Test("a tel Request-URI keeps its number and parameters")
    func telRequestURI() throws {
        let message = try parse([], startLine: "INVITE tel:+4930123;phone-context=example.com SIP/2.0")
        #expect(message.requestURI == SIPURI(scheme: "tel", host: "+4930123",
                                             parameters: [SIPParameter(name: "phone-context", value: "example.com")]))
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }

    @Test("header names come back in their usual spelling, unknown ones capitalised word by word", arguments: [
        ("p-asserted-identity: <sip:a@example.com>", "P-Asserted-Identity"),
        ("MIN-SE: 90", "Min-SE"),
        ("x-ms-sbc: Audiocodes/Mediant", "X-Ms-Sbc"),
        ("o: refer", "Event"),
        ("User-Agent: SBC", "User-Agent"),
    ])
    func headerNames(line: String, name: String) throws {
        let fields = try parse([line]).headers.fields
        #expect(fields.map(\.name) == [name])
    }

    @Test("field names compare and hash without their ASCII case")
    func caseInsensitiveFields() {
        let upper = SIPHeaderField(name: "X-MS-SBC", value: "a")
        let lower = SIPHeaderField(name: "x-ms-sbc", value: "a")
        #expect(upper == lower)
        #expect(Set([upper, lower]).count == 1)
        #expect(upper != SIPHeaderField(name: "X-MS-SBC", value: "A"))
    }

    @Test("a REGISTER may carry Contact: *, kept as a field")
    func starContact() throws {
        let message = try parse(["Contact: *", "Expires: 0"], startLine: "REGISTER sip:example.com SIP/2.0")
        #expect(message.headers.contact.isEmpty)
        #expect(message.headers["Contact"] == ["*"])
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }

    @Test("several Contacts on one line, and a Record-Route list")
    func addressLists() throws {
        let headers = try parse(["Contact: <sip:a@192.0.2.1>;q=0.5, \"B, Agent\" <sip:b@192.0.2.2>",
                                 "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>"]).headers
        #expect(headers.contact.map(\.uri.user) == ["a", "b"])
        #expect(headers.contact.last?.displayName == "B, Agent")
        #expect(headers.recordRoute.map(\.uri.host) == ["p1.example.com", "p2.example.com"])
    }

    @Test("authentication headers are kept as written, since libosip2 drops parameters it does not know")
    func authenticationAsWritten() throws {
        let line = #"Digest realm="sbc.example.com", nonce="abc", opaque="", stale=FALSE, algorithm=MD5, qop="auth", x-vendor=1"#
        let headers = try parse(["WWW-Authenticate: " + line], startLine: "SIP/2.0 401 Unauthorized").headers
        #expect(headers["WWW-Authenticate"] == [line])
    }

    @Test("a Content-Type with parameters is rebuilt with them")
    func contentTypeParameters() throws {
        let headers = try parse(["Content-Type: multipart/mixed;boundary=abc"]).headers
        #expect(headers.contentType == "multipart/mixed;boundary=abc")
    }

    @Test("an RFC 2543 Via comment does not end up in the host")
    func viaComment() throws {
        let message = try parse([], startLine: "OPTIONS sip:a@example.com SIP/2.0")
        let text = String(decoding: message.serialized(), as: UTF8.self)
            .replacingOccurrences(of: "192.0.2.1:5060;", with: "192.0.2.1 (edge proxy);")
        let via = try SIPMessage(parsing: Array(text.utf8)).headers.via.first
        #expect(via?.host == "192.0.2.1")
        #expect(via?.port == nil)
    }
}
