import SIPCore
import Testing

/// The typed views of extension headers, read from parsed messages and written back.
@Suite("Typed header accessors")
struct SIPHeadersExtensionsTests {
    static func headers(_ lines: [String]) throws -> SIPHeaders {
        try SIPMessage(parsing: SIPParseErrorTests.message(replacing: "Contact", with: lines.joined(separator: "\r\n"))).headers
    }

    @Test("Allow, Supported and Require gather comma lists over several lines and compact forms")
    func optionLists() throws {
        let headers = try Self.headers(["Allow: INVITE, ACK,CANCEL", "Allow: BYE, REFER, NEWMETHOD", "k: timer, 100rel",
                                        "Supported: replaces", "Require: timer"])
        #expect(headers.allow == [.invite, .ack, .cancel, .bye, .refer, .other("NEWMETHOD")])
        #expect(headers.supported == ["timer", "100rel", "replaces"])
        #expect(headers.require == ["timer"])
    }

    @Test("absent headers read as empty or nil")
    func absentHeaders() throws {
        let headers = try Self.headers([])
        #expect(headers.allow.isEmpty && headers.supported.isEmpty && headers.require.isEmpty)
        #expect(headers.sessionExpires == nil && headers.minSE == nil && headers.retryAfter == nil)
        #expect(headers.pAssertedIdentity.isEmpty && headers.reason.isEmpty)
        #expect(headers.referTo == nil && headers.referredBy == nil)
    }

    @Test("Session-Expires and Min-SE (RFC 4028), compact x", arguments: [
        ("Session-Expires: 1800;refresher=uac", SIPSessionExpires(deltaSeconds: 1800, refresher: .uac)),
        ("x: 90 ; refresher = UAS", SIPSessionExpires(deltaSeconds: 90, refresher: .uas)),
        ("Session-Expires: 4000;foo=bar", SIPSessionExpires(deltaSeconds: 4000)),
    ])
    func sessionExpires(line: String, expected: SIPSessionExpires) throws {
        #expect(try Self.headers([line, "Min-SE: 90;lr"]).sessionExpires == expected)
        #expect(try Self.headers([line, "Min-SE: 90;lr"]).minSE == 90)
    }

    @Test("a Session-Expires that is not a number reads as nil")
    func unreadableSessionExpires() throws {
        #expect(try Self.headers(["Session-Expires: soon"]).sessionExpires == nil)
    }

    @Test("P-Asserted-Identity may carry a SIP and a tel identity")
    func assertedIdentity() throws {
        let headers = try Self.headers([#"P-Asserted-Identity: "Caller" <sip:+4940555@sbc.example.com;user=phone>, <tel:+4940555>"#])
        #expect(headers.pAssertedIdentity.map(\.uri) == [
            SIPURI(user: "+4940555", host: "sbc.example.com", parameters: [SIPParameter(name: "user", value: "phone")]),
            SIPURI(scheme: "tel", host: "+4940555"),
        ])
        #expect(headers.pAssertedIdentity.first?.displayName == "Caller")
    }

    @Test("Refer-To with an escaped Replaces, Referred-By, compact r and b")
    func transferHeaders() throws {
        let headers = try Self.headers(["r: <sip:+4930999@sbc.example.com?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>",
                                        #"b: "Agent" <sip:agent@teams.example.com>"#])
        #expect(headers.referTo?.uri.headers == [SIPParameter(name: "Replaces", value: "abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2")])
        #expect(headers.referredBy?.displayName == "Agent")
        #expect(headers["Refer-To"].count == 1)
    }

    @Test("Reason values (RFC 3326) on one line or several")
    func reasons() throws {
        let headers = try Self.headers([#"Reason: Q.850;cause=16;text="Normal call clearing""#,
                                        #"Reason: SIP ;cause=200 ;text="Call completed elsewhere""#])
        #expect(headers.reason == [SIPReason(protocol: "Q.850", cause: 16, text: "Normal call clearing"),
                                   SIPReason(protocol: "SIP", cause: 200, text: "Call completed elsewhere")])
    }

    @Test("Retry-After with a comment and a duration")
    func retryAfter() throws {
        #expect(try Self.headers(["Retry-After: 120 (draining);duration=3600"]).retryAfter == 120)
    }

    @Test("setters replace every line with one, nil and empty remove them")
    func setters() throws {
        var headers = try Self.headers(["Supported: timer", "Supported: replaces", "Retry-After: 5"])
        headers.supported = ["timer"]
        headers.allow = [.invite, .ack, .bye]
        headers.sessionExpires = SIPSessionExpires(deltaSeconds: 1800, refresher: .uas)
        headers.minSE = 90
        headers.retryAfter = nil
        headers.reason = [SIPReason(protocol: "Q.850", cause: 17, text: #"User "busy""#)]
        headers.referTo = SIPNameAddress(uri: SIPURI(user: "+4930999", host: "sbc.example.com"))
        headers.pAssertedIdentity = [SIPNameAddress(uri: SIPURI(scheme: "tel", host: "+4940555"))]
        #expect(headers["Supported"] == ["timer"])
        #expect(headers["Allow"] == ["INVITE, ACK, BYE"])
        #expect(headers["Session-Expires"] == ["1800;refresher=uas"])
        #expect(headers["Min-SE"] == ["90"])
        #expect(headers["Retry-After"].isEmpty)
        #expect(headers["Reason"] == [#"Q.850;cause=17;text="User \"busy\"""#])
        #expect(headers["Refer-To"] == ["<sip:+4930999@sbc.example.com>"])
        #expect(headers["P-Asserted-Identity"] == ["<tel:+4940555>"])
        #expect(headers.reason.first?.text == #"User "busy""#)
        headers.supported = []
        headers.referTo = nil
        #expect(headers["Supported"].isEmpty && headers["Refer-To"].isEmpty)
    }
}
