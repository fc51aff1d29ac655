import SIPCore
import Testing

/// `SIPURI(parsing:)` and `SIPNameAddress(parsing:)`, for header values SIPCore keeps as text and for
/// configuration.
@Suite("URI and address parsing")
struct SIPAddressParsingTests {
    @Test("URIs", arguments: [
        ("sip:+4930123@sbc.example.com;user=phone",
         SIPURI(user: "+4930123", host: "sbc.example.com", parameters: [SIPParameter(name: "user", value: "phone")])),
        ("SIPS:alice@example.com:5061", SIPURI(scheme: "sips", user: "alice", host: "example.com", port: 5061)),
        ("sip:[2001:db8::1]:5080;transport=tcp",
         SIPURI(host: "[2001:db8::1]", port: 5080, parameters: [SIPParameter(name: "transport", value: "tcp")])),
        ("sip:%61lice@example.com?Subject=hi%20there",
         SIPURI(user: "alice", host: "example.com", headers: [SIPParameter(name: "Subject", value: "hi%20there")])),
        ("tel:+4930123;phone-context=example.com",
         SIPURI(scheme: "tel", host: "+4930123", parameters: [SIPParameter(name: "phone-context", value: "example.com")])),
        ("urn:service:sos", SIPURI(scheme: "urn", host: "service:sos")),
    ])
    func uri(text: String, expected: SIPURI) throws {
        #expect(try SIPURI(parsing: text) == expected)
    }

    @Test("not URIs", arguments: ["", "example.com", "sip:", "sip:a b@example.com", "sip:alice@example.com:port", "1sip:x"])
    func notURI(text: String) {
        let error = #expect(throws: SIPParseError.self) { try SIPURI(parsing: text) }
        #expect(error?.reason == .malformedHeader("URI"))
    }

    @Test("addresses", arguments: [
        (#""Agent \"7\"" <sip:agent7@teams.example.com>;tag=x1"#,
         SIPNameAddress(displayName: #"Agent \"7\""#, uri: SIPURI(user: "agent7", host: "teams.example.com"),
                        parameters: [SIPParameter(name: "tag", value: "x1")])),
        ("Queue <sip:support@switchboard.example.com>", SIPNameAddress(displayName: "Queue", uri: SIPURI(user: "support", host: "switchboard.example.com"))),
        ("sip:a@example.com;tag=1", SIPNameAddress(uri: SIPURI(user: "a", host: "example.com"), parameters: [SIPParameter(name: "tag", value: "1")])),
        ("<sip:a@example.com;lr>;expires=60",
         SIPNameAddress(uri: SIPURI(user: "a", host: "example.com", parameters: [SIPParameter(name: "lr")]),
                        parameters: [SIPParameter(name: "expires", value: "60")])),
    ])
    func address(text: String, expected: SIPNameAddress) throws {
        #expect(try SIPNameAddress(parsing: text) == expected)
    }

    @Test("not addresses", arguments: ["", "\"unterminated <sip:a@example.com>", "Bell, Alexander <sip:a@example.com>", "<>"])
    func notAddress(text: String) {
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: text) }
    }

    @Test("every address of every valid fixture reads back from its description",
          arguments: RFC4475ParserTests.valid.map { ("rfc4475", $0) } + RFC5118Tests.valid.map { ("rfc5118", $0) })
    func descriptionsParseBack(folder: String, name: String) throws {
        let headers = try SIPMessage(parsing: Fixture(folder: folder, name: name).bytes).headers
        for address in [headers.from, headers.to] + headers.contact + headers.route + headers.recordRoute {
            #expect(try SIPNameAddress(parsing: address.description) == address)
            #expect(try SIPURI(parsing: address.uri.description) == address.uri)
        }
    }
}
