import SIPCore
import Testing

/// The checks SIPCore adds on top of libosip2, each on an otherwise valid message.
@Suite("SIPParseError reasons")
struct SIPParseErrorTests {
    static let headers = [
        "Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds",
        "Max-Forwards: 70",
        "To: <sip:+4930123@sbc.example.com;user=phone>",
        "From: \"Caller\" <sip:+4940555@sbc.example.com;user=phone>;tag=1928301774",
        "Call-ID: a84b4c76e66710@pc33.example.com",
        "CSeq: 314159 INVITE",
        "Contact: <sip:+4940555@192.0.2.1:5060>",
    ]

    static func message(startLine: String = "INVITE sip:+4930123@switchboard.example.com SIP/2.0",
                        replacing name: String? = nil, with line: String? = nil, body: String = "",
                        contentLength: String? = nil) -> [UInt8] {
        var lines = [startLine]
        let method = startLine.hasPrefix("SIP/") ? "INVITE" : String(startLine.prefix { $0 != " " })
        for header in headers {
            if let name, header.hasPrefix(name + ":") {
                if let line { lines.append(line) }
            } else {
                lines.append(header.hasPrefix("CSeq:") ? "CSeq: 314159 " + method : header)
            }
        }
        lines.append("Content-Length: " + (contentLength ?? String(body.utf8.count)))
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    private func error(_ bytes: [UInt8]) -> SIPParseError? {
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: bytes) }
    }

    @Test("the baseline message parses")
    func baselineParses() throws {
        let message = try SIPMessage(parsing: Self.message(body: "v=0\r\n"))
        #expect(message.headers.cseq == SIPCSeq(sequenceNumber: 314_159, method: .invite))
        #expect(message.headers.maxForwards == 70)
    }

    @Test("no message: empty input, CRLF keep-alives, whitespace", arguments: ["", "\r\n", "\r\n\r\n", " \t\r\n ", "\n"])
    func emptyInput(text: String) {
        let error = error(Array(text.utf8))
        #expect(error?.reason == .empty)
        #expect(error?.responseHeaders == nil)
    }

    @Test("empty lines before the start line are skipped (RFC 3261 §7.5)")
    func leadingLineBreaksAreSkipped() throws {
        #expect(try SIPMessage(parsing: Array("\r\n\r\n".utf8) + Self.message()).headers.callID == "a84b4c76e66710@pc33.example.com")
    }

    @Test("lines ending in a bare LF are accepted")
    func bareLineFeeds() throws {
        let text = String(decoding: Self.message(body: "v=0\r\n"), as: UTF8.self)
        let lfOnly = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "v=0\n", with: "v=0\r\n")
        #expect(try SIPMessage(parsing: Array(lfOnly.utf8)).headers.cseq.sequenceNumber == 314_159)
    }

    @Test("a carriage return without a line feed in the headers is refused, naming the byte", arguments: [
        "Max-Forwards: 70\r\u{0E}X-Extra: 1", "Max-Forwards: 70\rX-Extra: 1", "Max-Forwards: 7\r0",
    ])
    func bareCarriageReturn(line: String) {
        let error = error(Self.message(replacing: "Max-Forwards", with: line))
        #expect(error?.reason == .malformedHeader("line end"))
        #expect(error?.detail.contains("a carriage return without a line feed at byte") == true)
        #expect(error?.responseHeaders != nil)
    }

    @Test("a parameter value that opens a quoted string it does not close, or a media type that is no token, is refused", arguments: [
        "Accept: t/x;q=\"\"\"", "Accept: t/x;q=\"a\\\"", "Accept-Language: en;q=\"\"\"", "Call-Info: <http://x.example/a>;purpose=\"i\"c\"",
        "Accept: t\"\"\"x: y/z", "Accept: a b/c", "Content-Type: app\"lication/sdp",
    ])
    func unbalancedQuotes(line: String) {
        let name = String(line.prefix { $0 != ":" })
        #expect(error(Self.message(replacing: "Max-Forwards", with: line + "\r\nMax-Forwards: 70"))?.reason == .malformedHeader(name))
    }

    @Test("quoted parameter values with escaped quotes and backslashes parse", arguments: ["Accept: t/x;p=\"a\\\"b\\\\\"", "Accept: t/x;p=\"\""])
    func balancedQuotes(line: String) throws {
        let message = try SIPMessage(parsing: Self.message(replacing: "Max-Forwards", with: line + "\r\nMax-Forwards: 70"))
        #expect(message.headers["Accept"] == [String(line.dropFirst("Accept: ".count))])
    }

    @Test("required headers", arguments: ["Via", "From", "To", "Call-ID", "CSeq"])
    func missingHeader(name: String) {
        let error = error(Self.message(replacing: name))
        #expect(error?.reason == .missingHeader(name))
        #expect(error?.responseHeaders == nil)
    }

    @Test("out-of-range and non-numeric values",
          arguments: [("Max-Forwards", "Max-Forwards: seventy"), ("Max-Forwards", "Max-Forwards: 256"),
                      ("CSeq", "CSeq: 2147483648 INVITE"), ("CSeq", "CSeq: -1 INVITE"),
                      ("Content-Length", "Content-Length: 0x10")])
    func malformedValue(name: String, line: String) {
        let bytes = name == "Content-Length" ? Self.message(contentLength: "0x10") : Self.message(replacing: name, with: line)
        let error = error(bytes)
        #expect(error?.reason == .malformedHeader(name))
        #expect(error?.responseHeaders?.callID == "a84b4c76e66710@pc33.example.com")
    }

    @Test("the largest CSeq number below 2**31 is accepted")
    func largestSequenceNumber() throws {
        let message = try SIPMessage(parsing: Self.message(replacing: "CSeq", with: "CSeq: 2147483647 INVITE"))
        #expect(message.headers.cseq.sequenceNumber == 2_147_483_647)
    }

    @Test("two Max-Forwards")
    func duplicateMaxForwards() {
        let error = error(Self.message(replacing: "Max-Forwards", with: "Max-Forwards: 70\r\nMax-Forwards: 69"))
        #expect(error?.reason == .duplicateHeader("Max-Forwards"))
    }

    @Test("Content-Length beyond the bytes received, even without Content-Type")
    func bodyShorterThanContentLength() {
        #expect(error(Self.message(body: "v=0\r\n", contentLength: "6"))?.reason == .bodyLengthMismatch)
        #expect(error(Self.message(contentLength: "1"))?.reason == .bodyLengthMismatch)
    }

    @Test("bytes beyond Content-Length are ignored; without Content-Length the body runs to the end")
    func bodyFraming() throws {
        let extra = try SIPMessage(parsing: Self.message(body: "v=0\r\nGARBAGE", contentLength: "5"))
        #expect(extra.body == Array("v=0\r\n".utf8))
        let text = String(decoding: Self.message(body: "v=0\r\n"), as: UTF8.self)
        let typed = text.replacingOccurrences(of: "Content-Length: 5\r\n", with: "Content-Type: application/sdp\r\n")
        #expect(try SIPMessage(parsing: Array(typed.utf8)).body == Array("v=0\r\n".utf8))
        let untyped = text.replacingOccurrences(of: "Content-Length: 5\r\n", with: "")
        #expect(try SIPMessage(parsing: Array(untyped.utf8)).body.isEmpty)
    }

    @Test("start lines", arguments: [
        ("INVITE sip:a@example.com SIP/3.0", SIPParseError.Reason.unsupportedVersion),
        ("INVITE sip:a@example.com SIP/2", .malformedStartLine),
        ("INVITE sip:a@example.com", .malformedStartLine),
        ("INV ITE sip:a@example.com SIP/2.0", .malformedStartLine),
        ("INVITE sip:a@example.com HTTP/1.1", .malformedStartLine),
        ("SIP/2.0 099 Too Low", .invalidStatusCode),
        ("SIP/2.0 700 Too High", .invalidStatusCode),
        ("SIP/2.0 2000 OK", .invalidStatusCode),
        ("SIP/2.0 200", .invalidStatusCode),
        ("SIP/3.0 200 OK", .unsupportedVersion),
        ("INVITE sip:a@example.com?Replaces=x SIP/2.0", .malformedRequestURI),
    ])
    func startLine(line: String, reason: SIPParseError.Reason) {
        let error = error(Self.message(startLine: line))
        #expect(error?.reason == reason)
        #expect(error?.isRequest == !line.hasPrefix("SIP/"))
        #expect((error?.responseHeaders != nil) == !line.hasPrefix("SIP/"))
    }

    @Test("the largest UDP payload is the limit, answered with 513")
    func tooLarge() {
        let error = error(Self.message(body: String(repeating: "a", count: SIPMessage.maximumLength)))
        #expect(error?.reason == .tooLarge)
        #expect(error?.responseStatusCode == 513)
        #expect(error?.responseHeaders != nil)
    }

    @Test("responses are matched by CSeq method, so a response may carry any")
    func responseCSeq() throws {
        let message = try SIPMessage(parsing: Self.message(startLine: "SIP/2.0 180 Ringing"))
        guard case .response(let response) = message else { throw Unexpected.request }
        #expect(response.statusCode == 180)
        #expect(response.reasonPhrase == "Ringing")
    }

    @Test("the description names the reason and the detail")
    func description() {
        let error = error(Self.message(replacing: "Max-Forwards", with: "Max-Forwards: 300"))
        #expect(error?.description == "malformed Max-Forwards: '300' is not a number from 0 to 255")
    }
}
