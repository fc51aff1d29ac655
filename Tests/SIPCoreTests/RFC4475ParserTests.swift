import SIPCore
import Testing

/// RFC 4475 §3.1: the parser tests. Valid messages parse and survive parse → serialize → parse;
/// invalid ones are refused with a reason, and with the headers for a `400` where the RFC asks for one.
@Suite("RFC 4475 §3.1 parser tests")
struct RFC4475ParserTests {
    /// §3.1.1, in the RFC's order.
    static let valid = ["wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri",
                        "transports", "mpart01", "unreason", "noreason"]

    @Test("§3.1.1 valid messages parse and round-trip", arguments: valid)
    func validMessageRoundTrips(name: String) throws {
        let message = try SIPMessage(parsing: Fixture(folder: "rfc4475", name: name).bytes)
        let reparsed = try SIPMessage(parsing: message.serialized())
        #expect(reparsed == message)
    }

    /// One §3.1.2 message and what SIPCore must say about it.
    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let name: String
        let section: String
        let reason: SIPParseError.Reason
        /// Whether the RFC expects a response (a request whose headers are readable).
        let answerable: Bool
        var testDescription: String { "§\(section) \(name)" }
    }

    static let invalid = [
        InvalidCase(name: "badinv01", section: "3.1.2.1", reason: .malformedHeader("Via"), answerable: true),
        InvalidCase(name: "clerr", section: "3.1.2.2", reason: .bodyLengthMismatch, answerable: true),
        InvalidCase(name: "ncl", section: "3.1.2.3", reason: .malformedHeader("Content-Length"), answerable: true),
        InvalidCase(name: "scalar02", section: "3.1.2.4", reason: .malformedHeader("CSeq"), answerable: true),
        InvalidCase(name: "scalarlg", section: "3.1.2.5", reason: .malformedHeader("CSeq"), answerable: false),
        InvalidCase(name: "quotbal", section: "3.1.2.6", reason: .malformedHeader("To"), answerable: true),
        InvalidCase(name: "ltgtruri", section: "3.1.2.7", reason: .malformedRequestURI, answerable: true),
        InvalidCase(name: "lwsruri", section: "3.1.2.8", reason: .malformedStartLine, answerable: true),
        InvalidCase(name: "lwsstart", section: "3.1.2.9", reason: .malformedStartLine, answerable: true),
        InvalidCase(name: "trws", section: "3.1.2.10", reason: .malformedStartLine, answerable: true),
        InvalidCase(name: "escruri", section: "3.1.2.11", reason: .malformedRequestURI, answerable: true),
        InvalidCase(name: "baddate", section: "3.1.2.12", reason: .malformedHeader("Date"), answerable: true),
        InvalidCase(name: "regbadct", section: "3.1.2.13", reason: .malformedHeader("Contact"), answerable: true),
        InvalidCase(name: "badaspec", section: "3.1.2.14", reason: .malformedHeader("To"), answerable: true),
        InvalidCase(name: "baddn", section: "3.1.2.15", reason: .malformedHeader("From"), answerable: true),
        InvalidCase(name: "badvers", section: "3.1.2.16", reason: .unsupportedVersion, answerable: true),
        InvalidCase(name: "mismatch01", section: "3.1.2.17", reason: .cseqMethodMismatch, answerable: true),
        InvalidCase(name: "mismatch02", section: "3.1.2.18", reason: .cseqMethodMismatch, answerable: true),
        InvalidCase(name: "bigcode", section: "3.1.2.19", reason: .invalidStatusCode, answerable: false),
    ]

    @Test("§3.1.2 invalid messages are refused with a reason", arguments: invalid)
    func invalidMessageIsRefused(_ invalid: InvalidCase) {
        let bytes = Fixture(folder: "rfc4475", name: invalid.name).bytes
        let error = #expect(throws: SIPParseError.self) { try SIPMessage(parsing: bytes) }
        #expect(error?.reason == invalid.reason)
        #expect((error?.responseHeaders != nil) == invalid.answerable)
        #expect(error?.detail.isEmpty == false)
    }

    @Test("the salvaged headers echo the request so the 400 reaches its sender")
    func salvagedHeadersEchoTheRequest() throws {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc4475", name: "badinv01").bytes)
        }
        let headers = try #require(error?.responseHeaders)
        #expect(headers.via.map(\.host) == ["192.0.2.15"])
        #expect(headers.callID == "badinv01.0ha0isndaksdjasdf3234nas")
        #expect(headers.cseq == SIPCSeq(sequenceNumber: 8, method: .invite))
        #expect(headers.from.tag == "134161461246")
        let response = SIPResponse(replyingTo: headers, statusCode: error?.responseStatusCode ?? 0, toTag: "t1")
        #expect(response.statusCode == 400)
        #expect(response.headers.to.tag == "t1")
    }

    @Test("an overlarge CSeq is echoed as UInt32.max in the salvaged headers")
    func overlargeCSeqIsEchoedAsMaximum() {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc4475", name: "scalar02").bytes)
        }
        #expect(error?.responseHeaders?.cseq == SIPCSeq(sequenceNumber: .max, method: .register))
    }

    @Test("a foreign SIP version asks for 505 Version Not Supported")
    func foreignVersionAsksFor505() {
        let error = #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Fixture(folder: "rfc4475", name: "badvers").bytes)
        }
        #expect(error?.responseStatusCode == 505)
        #expect(error?.isRequest == true)
    }
}
