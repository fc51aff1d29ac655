import SIPCore
import Testing

/// RFC 4475 §3.2–§3.4: messages whose answer is the transaction or application layer's decision.
/// SIPCore parses them and exposes what that decision needs (the status code in each name).
@Suite("RFC 4475 §3.2–§3.4 transaction and application semantics")
struct RFC4475SemanticsTests {
    /// One message and what the upper layer must be able to read from it.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let section: String
        let needs: String
        let check: @Sendable (SIPMessage) -> Bool
        var testDescription: String { "§\(section) \(name): \(needs)" }
    }

    static let cases = [
        Case(name: "badbranch", section: "3.2.1", needs: "a branch that is only the magic cookie") {
            $0.headers.via.first?.branch == "z9hG4bK"
        },
        Case(name: "unkscm", section: "3.3.2", needs: "416 for an unknown Request-URI scheme") {
            $0.requestURI?.scheme == "nobodyknowsthisscheme" && $0.requestURI?.host == "totallyopaquecontent"
        },
        Case(name: "novelsc", section: "3.3.3", needs: "416 for soap.beep, which libosip2 cannot parse") {
            $0.requestURI == SIPURI(scheme: "soap.beep", host: "//192.0.2.103:3002")
        },
        Case(name: "unksm2", section: "3.3.4", needs: "unknown schemes in To, From and Contact") {
            $0.headers.to.uri.scheme == "isbn" && $0.headers.from.uri.scheme == "http"
                && $0.headers.contact.first?.uri == SIPURI(scheme: "name", host: "John_Smith")
        },
        Case(name: "bext01", section: "3.3.5", needs: "420 listing Require, Proxy-Require for a proxy") {
            $0.headers.require == ["nothingSupportsThis", "nothingSupportsThisEither"]
                && $0.headers["Proxy-Require"] == ["noProxiesSupportThis", "norDoAnyProxiesSupportThis"]
        },
        Case(name: "invut", section: "3.3.6", needs: "415 for an unknown Content-Type") {
            $0.headers.contentType == "application/unknownformat" && $0.body.count == 40
        },
        Case(name: "regaut01", section: "3.3.7", needs: "an unknown authorization scheme, as written") {
            $0.headers["Authorization"] == ["NoOneKnowsThisScheme opaque-data=here"]
        },
        Case(name: "bcast", section: "3.3.10", needs: "a 200 whose second Via is a broadcast address") {
            $0.headers.via.map(\.host) == ["192.0.2.198", "255.255.255.255"]
        },
        Case(name: "zeromf", section: "3.3.11", needs: "483 or local handling for Max-Forwards 0") {
            $0.headers.maxForwards == 0
        },
        Case(name: "cparam01", section: "3.3.12", needs: "a Contact header parameter") {
            $0.headers.contact.first?.parameters == [SIPParameter(name: "unknownparam")]
                && $0.headers.contact.first?.uri.parameters == []
        },
        Case(name: "cparam02", section: "3.3.13", needs: "a Contact URI parameter") {
            $0.headers.contact.first?.uri.parameters == [SIPParameter(name: "unknownparam")]
                && $0.headers.contact.first?.parameters == []
        },
        Case(name: "regescrt", section: "3.3.14", needs: "an escaped Route inside a Contact URI") {
            $0.headers.contact.first?.uri.headers == [SIPParameter(name: "Route", value: "%3Csip:sip.example.com%3E")]
        },
        Case(name: "sdp01", section: "3.3.15", needs: "406 for an Accept without application/sdp") {
            $0.headers["Accept"] == ["text/nobodyKnowsThis"] && $0.headers.contentType == "application/sdp"
        },
        Case(name: "inv2543", section: "3.4.1", needs: "RFC 2543 matching: no branch, no From tag, no Max-Forwards") {
            $0.headers.via.first?.branch == nil && $0.headers.from.tag == nil && $0.headers.maxForwards == nil
                && $0.body.count == 105
        },
    ]

    @Test("the upper layer can decide", arguments: cases)
    func exposesWhatTheUpperLayerNeeds(_ testCase: Case) throws {
        let message = try SIPMessage(parsing: Fixture(folder: "rfc4475", name: testCase.name).bytes)
        #expect(testCase.check(message))
    }

    /// Messages the RFC's application layer answers with 400, which SIPCore's model cannot hold.
    @Test("§3.3.1 insuf, §3.3.8 multi01, §3.3.9 mcl01 are refused",
          arguments: [("insuf", SIPParseError.Reason.missingHeader("From"), false),
                      ("multi01", .duplicateHeader("CSeq"), true),
                      ("mcl01", .duplicateHeader("Content-Length"), true)])
    func unrepresentableMessagesAreRefused(name: String, reason: SIPParseError.Reason, answerable: Bool) {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc4475", name: name).bytes)
        }
        #expect(error?.reason == reason)
        #expect((error?.responseHeaders != nil) == answerable)
    }

    @Test("§3.3.8 multi01: the 400 echoes the first of each repeated header")
    func firstValuesAreSalvaged() {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc4475", name: "multi01").bytes)
        }
        #expect(error?.responseHeaders?.callID == "multi01.98asdh@192.0.2.1")
        #expect(error?.responseHeaders?.cseq == SIPCSeq(sequenceNumber: 5, method: .invite))
        #expect(error?.responseHeaders?.from.tag == "3413415")
    }
}

extension SIPMessage {
    /// The Request-URI of a request.
    var requestURI: SIPURI? {
        if case .request(let request) = self { return request.requestURI }
        return nil
    }

    /// The body of either kind.
    var body: [UInt8] {
        switch self {
        case .request(let request): request.body
        case .response(let response): response.body
        }
    }
}
