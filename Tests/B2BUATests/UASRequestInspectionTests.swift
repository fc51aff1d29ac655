import B2BUA
import SIPCore
import Testing

@Suite("UAS request inspection: RFC 3261 §8.2.1–§8.2.3 before a request is processed")
struct UASRequestInspectionTests {
    private func invite(contentType: String?, scheme: String = "sip", require: String? = nil) -> SIPRequest {
        var headers = SIPHeaders(
            via: [SIPVia(transport: "UDP", host: "192.0.2.1", port: 5060, parameters: [SIPParameter(name: "branch", value: "z9hG4bK1")])],
            from: SIPNameAddress(uri: SIPURI(user: "caller", host: "192.0.2.1"), parameters: [SIPParameter(name: "tag", value: "a")]),
            to: SIPNameAddress(uri: SIPURI(user: "queue", host: "192.0.2.2")),
            callID: "call-1", cseq: SIPCSeq(sequenceNumber: 1, method: .invite), contentType: contentType)
        if let require { headers.add("Require", require) }
        var uri = SIPURI(user: "queue", host: "192.0.2.2")
        uri.scheme = scheme
        return SIPRequest(method: .invite, requestURI: uri, headers: headers, body: Array("v=0\r\n".utf8))
    }

    @Test("SDP is accepted in any case, with blanks and parameters", arguments: [
        "application/sdp", "Application/SDP", "application/sdp;charset=utf-8", " application / sdp ;x=1", ";application/sdp",
    ])
    func acceptedSDP(contentType: String) {
        #expect(UASRequestInspection.rejection(for: invite(contentType: contentType)) == nil)
    }

    @Test("Another body type gets 415 with Accept", arguments: ["text/plain", "application/sdpx", "application/sd", "application/sdp-x;a=b", "", "application`sdp"])
    func refusedType(contentType: String) {
        let response = UASRequestInspection.rejection(for: invite(contentType: contentType))
        #expect(response?.statusCode == 415)
        #expect(response?.headers["Accept"] == ["application/sdp"])
    }

    @Test("The scheme is compared without case; an unknown one gets 416")
    func scheme() {
        #expect(UASRequestInspection.rejection(for: invite(contentType: "application/sdp", scheme: "SIP")) == nil)
        #expect(UASRequestInspection.rejection(for: invite(contentType: "application/sdp", scheme: "tel")) == nil)
        #expect(UASRequestInspection.rejection(for: invite(contentType: "application/sdp", scheme: "http"))?.statusCode == 416)
    }

    @Test("An unknown Require tag gets 420 naming it; timer in any case passes")
    func require() {
        #expect(UASRequestInspection.rejection(for: invite(contentType: "application/sdp", require: "Timer")) == nil)
        let response = UASRequestInspection.rejection(for: invite(contentType: "application/sdp", require: "timer, 100rel"))
        #expect(response?.statusCode == 420)
        #expect(response?.headers["Unsupported"] == ["100rel"])
    }

    @Test("The Allow header lists every method implemented")
    func allow() {
        #expect(UASRequestInspection.allowHeader == "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REFER, NOTIFY, PRACK")
    }
}
