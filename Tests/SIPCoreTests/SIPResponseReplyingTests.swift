import SIPCore
import Testing

/// The response builder of RFC 3261 §8.2.6.
@Suite("Responses built from requests")
struct SIPResponseReplyingTests {
    static func request(toTag: String? = nil) -> SIPRequest {
        var headers = SIPSerializationTests.headers
        headers.to.tag = toTag
        headers.fields.append(SIPHeaderField(name: "Timestamp", value: "54"))
        return SIPRequest(method: .invite, requestURI: SIPURI(user: "+4930123", host: "sbc.example.com"), headers: headers,
                          body: Array("v=0\r\n".utf8))
    }

    @Test("Vias, From, To, Call-ID and CSeq are copied; nothing else, no body")
    func copiesTheDialogHeaders() {
        let request = Self.request()
        let response = SIPResponse(replyingTo: request, statusCode: 486, toTag: "as83kd")
        #expect(response.statusCode == 486)
        #expect(response.reasonPhrase == "Busy Here")
        #expect(response.headers.via == request.headers.via)
        #expect(response.headers.from == request.headers.from)
        #expect(response.headers.to.uri == request.headers.to.uri)
        #expect(response.headers.to.tag == "as83kd")
        #expect(response.headers.callID == request.headers.callID)
        #expect(response.headers.cseq == request.headers.cseq)
        #expect(response.headers.contact.isEmpty && response.headers.route.isEmpty && response.headers.recordRoute.isEmpty)
        #expect(response.headers.fields.isEmpty)
        #expect(response.headers.maxForwards == nil && response.headers.contentType == nil)
        #expect(response.body.isEmpty)
    }

    @Test("an existing To tag is kept")
    func keepsAnExistingToTag() {
        let response = SIPResponse(replyingTo: Self.request(toTag: "dialog1"), statusCode: 200, toTag: "other")
        #expect(response.headers.to.tag == "dialog1")
    }

    @Test("without a tag to give, To stays as it was")
    func noTagGiven() {
        #expect(SIPResponse(replyingTo: Self.request().headers, statusCode: 503).headers.to.tag == nil)
    }

    @Test("100 Trying copies Timestamp (RFC 3261 §8.2.6.1)")
    func tryingCopiesTimestamp() {
        let response = SIPResponse(replyingTo: Self.request(), statusCode: 100)
        #expect(response.headers.fields == [SIPHeaderField(name: "Timestamp", value: "54")])
        #expect(response.reasonPhrase == "Trying")
    }

    @Test("a reason phrase can be given")
    func explicitReasonPhrase() {
        #expect(SIPResponse(replyingTo: Self.request(), statusCode: 503, reasonPhrase: "Draining").reasonPhrase == "Draining")
    }

    @Test("standard reason phrases", arguments: [
        (180, "Ringing"), (183, "Session Progress"), (200, "OK"), (202, "Accepted"), (400, "Bad Request"),
        (408, "Request Timeout"), (415, "Unsupported Media Type"), (416, "Unsupported URI Scheme"), (420, "Bad Extension"),
        (422, "Session Interval Too Small"), (480, "Temporarily Unavailable"), (481, "Call/Transaction Does Not Exist"),
        (483, "Too Many Hops"), (486, "Busy Here"), (487, "Request Terminated"), (488, "Not Acceptable Here"),
        (501, "Not Implemented"), (503, "Service Unavailable"), (505, "Version Not Supported"), (513, "Message Too Large"),
        (603, "Decline"),
        (199, "Early Dialog Terminated"), (299, "Successful"), (399, "Redirection"), (499, "Request Failure"),
        (599, "Server Failure"), (699, "Global Failure"),
    ])
    func standardReasonPhrase(code: Int, phrase: String) {
        #expect(SIPResponse.standardReasonPhrase(for: code) == phrase)
    }
}
