import SIPCore
import Testing

/// What the parser reads from the RFC 4475 §3.1.1 valid messages, value by value.
@Suite("RFC 4475 §3.1.1 valid message contents")
struct RFC4475ValidMessageTests {
    private func request(_ name: String) throws -> SIPRequest {
        guard case .request(let request) = try SIPMessage(parsing: Fixture(folder: "rfc4475", name: name).bytes) else {
            throw Unexpected.response
        }
        return request
    }

    private func response(_ name: String) throws -> SIPResponse {
        guard case .response(let response) = try SIPMessage(parsing: Fixture(folder: "rfc4475", name: name).bytes) else {
            throw Unexpected.request
        }
        return response
    }

    @Test("§3.1.1.1 wsinv: folding, compact forms and whitespace everywhere")
    func shortTortuousInvite() throws {
        let request = try request("wsinv")
        let headers = request.headers
        #expect(request.method == .invite)
        #expect(request.requestURI == SIPURI(user: "vivekg", host: "chair-dnrc.example.com",
                                             parameters: [SIPParameter(name: "unknownparam")]))
        #expect(headers.to.tag == "1918181833n")
        #expect(headers.from.displayName == #"J Rosenberg \\\""#)
        #expect(headers.from.tag == "98asjd8")
        #expect(headers.maxForwards == 68)
        #expect(headers.cseq == SIPCSeq(sequenceNumber: 9, method: .invite))
        #expect(headers.via.map(\.transport) == ["UDP", "TCP", "UDP"])
        #expect(headers.via.map(\.host) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(headers.via.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(headers["Subject"] == [""])
        #expect(headers["NewFangledHeader"] == ["newfangled value   continued newfangled value"])
        #expect(headers["UnknownHeaderWithUnusualValue"] == [";;,,;;,;"])
        #expect(headers.route.map(\.uri.parameters.count) == [3])
        #expect(headers.contact.first?.displayName == #"Quoted string \"\""#)
        #expect(headers.contact.first?.parameters == [SIPParameter(name: "newparam", value: "newvalue"),
                                                      SIPParameter(name: "secondparam"), SIPParameter(name: "q", value: "0.33")])
        #expect(headers.contentType == "application/sdp")
        #expect(request.body.count == 150)
    }

    @Test("§3.1.1.2 intmeth: unusual method, NUL inside a quoted display name, escaped user and password")
    func wideRangeOfValidCharacters() throws {
        let request = try request("intmeth")
        #expect(request.method == .other("!interesting-Method0123456789_*+`.%indeed'~"))
        #expect(request.headers.cseq.method == request.method)
        #expect(request.requestURI.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(request.requestURI.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(request.headers.to.displayName == "BEL:\\\u{07} NUL:\\\u{00} DEL:\\\u{7F}")
        #expect(request.headers.from.displayName == "token1~` token2'+_ token3*%!.-")
        #expect(request.headers.from.tag == "_token~1'+`*%!-.")
        #expect(request.headers.callID == #"intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{"#)
        #expect(request.headers["extensionHeader-!.%*+_`'~"] == ["\u{FEFF}大停電"])
    }

    @Test("§3.1.1.3 esc01: escapes are decoded where unreserved and kept where required")
    func percentEscaping() throws {
        let request = try request("esc01")
        #expect(request.requestURI.user == "sips%3Auser%40example.com")
        #expect(request.headers.to.uri.user == "user")
        #expect(request.headers.from.uri.user == "I%20have%20spaces")
        #expect(request.headers.contact.first?.uri.user == "caller")
        #expect(request.headers.contact.first?.uri.parameters == [SIPParameter(name: "lr"), SIPParameter(name: "name", value: "value%2541")])
        #expect(request.headers.callID == "esc01.239409asdfakjkn23onasd0-3234")
        #expect(request.headers.contentType == "application/sdp")
    }

    @Test("§3.1.1.4 escnull: escaped NULs survive libosip2's C strings")
    func escapedNulls() throws {
        let request = try request("escnull")
        #expect(request.headers.to.uri.user == "null-%00-null")
        #expect(request.headers.from.uri.user == "null-%00-null")
        #expect(request.headers.contact.map(\.uri.user) == ["%00", "%00%00"])
    }

    @Test("§3.1.1.5 esc02: % that is not an escape, and a header name that only looks like Contact")
    func percentThatIsNotAnEscape() throws {
        let request = try request("esc02")
        #expect(request.method == .other("RE%47IST%45R"))
        #expect(request.headers.to.displayName == "%Z%45")
        #expect(request.headers.via.first?.branch == "z9hG4bK209%fzsnel234")
        #expect(request.headers.contact.map(\.uri.host) == ["host1.example.com", "host3.example.com"])
        #expect(request.headers["C%6Fntact"] == ["<sip:alias2@host2.example.com>"])
    }

    @Test("§3.1.1.6 lwsdisp: no space between display name and <")
    func displayNameWithoutSpace() throws {
        let request = try request("lwsdisp")
        #expect(request.headers.from.displayName == "caller")
        #expect(request.headers.from.tag == "323")
    }

    @Test("§3.1.1.7 longreq: long values and 34 Vias")
    func longValues() throws {
        let request = try request("longreq")
        #expect(request.headers.via.count == 34)
        #expect(request.headers.via.last?.received == "192.0.2.5")
        #expect(request.headers.to.uri.port == 6000)
        #expect(request.headers.to.uri.parameters.count == 3)
        #expect(request.headers.from.parameters.count == 3)
        #expect(request.headers.callID.utf8.count > 100)
    }

    @Test("§3.1.1.8 dblreq: only the first of two requests in one datagram")
    func trailingOctetsAreIgnored() throws {
        let request = try request("dblreq")
        #expect(request.method == .register)
        #expect(request.body.isEmpty)
        #expect(request.headers.callID == "dblreq.0ha0isndaksdj99sdfafnl3lk233412")
    }

    @Test("§3.1.1.9 semiuri: semicolons in the user part, Accept over three lines")
    func semicolonsInUserPart() throws {
        let request = try request("semiuri")
        #expect(request.requestURI.user == "user;par=u%40example.net")
        #expect(request.requestURI.host == "example.com")
        #expect(request.requestURI.parameters.isEmpty)
        #expect(request.headers["Accept"] == ["application/sdp, application/pkcs7-mime, multipart/mixed, multipart/signed, "
            + "message/sip, message/sipfrag"])
    }

    @Test("§3.1.1.10 transports: known and unknown transports")
    func variedTransports() throws {
        #expect(try request("transports").headers.via.map(\.transport) == ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"])
    }

    @Test("§3.1.1.11 mpart01: the multipart body is kept byte for byte")
    func multipartBody() throws {
        let bytes = Fixture(folder: "rfc4475", name: "mpart01").bytes
        let request = try request("mpart01")
        #expect(request.headers.contentType == "multipart/mixed;boundary=7a9cbec02ceef655")
        #expect(request.body == Array(bytes.suffix(553)))
    }

    @Test("§3.1.1.12 unreason: a UTF-8 reason phrase")
    func unusualReasonPhrase() throws {
        let response = try response("unreason")
        #expect(response.statusCode == 200)
        #expect(response.reasonPhrase == "= 2**3 * 5**2 но сто девяносто девять - простое")
    }

    @Test("§3.1.1.13 noreason: an empty reason phrase")
    func emptyReasonPhrase() throws {
        let response = try response("noreason")
        #expect(response.statusCode == 100)
        #expect(response.reasonPhrase.isEmpty)
    }
}

/// A fixture held the other kind of message.
enum Unexpected: Error {
    case request, response
}
