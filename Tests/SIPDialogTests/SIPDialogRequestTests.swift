import SIPCore
import SIPDialog
import Testing

@Suite("SIPDialog requests (RFC 3261 §12.2.1.1, §13.2.2.4)")
struct SIPDialogRequestTests {
    @Test("loose routing: Request-URI is the remote target, Route is the route set")
    func looseRouting() throws {
        var dialog = try Fixtures.aliceDialog()
        let contact = SIPNameAddress(uri: Fixtures.aliceContact)
        let bye = dialog.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-bye"), contact: contact)
        #expect(bye.method == .bye)
        #expect(bye.requestURI.description == "sip:bob@192.0.2.4:5060")
        #expect(bye.headers.route.map(\.description) == ["<sip:p1.atlanta.example.com;lr>", "<sip:p2.biloxi.example.com;lr>"])
        #expect(bye.headers.from.description == "<sip:alice@atlanta.example.com>;tag=1928301774")
        #expect(bye.headers.to.description == "<sip:bob@biloxi.example.com>;tag=a6c85cf")
        #expect(bye.headers.callID == Fixtures.callID)
        #expect(bye.headers.cseq.description == "314160 BYE")
        #expect(bye.headers.via.map(\.description) == ["SIP/2.0/UDP pc33.atlanta.example.com;branch=z9hG4bK-bye"])
        #expect(bye.headers.contact.map(\.description) == ["<sip:alice@pc33.atlanta.example.com>"])
        #expect(bye.headers.maxForwards == 70)
        #expect(bye.headers.contentType == nil)
        #expect(bye.body.isEmpty)
    }

    @Test("strict routing: Request-URI is the first route without method and headers, remote target appended as last Route")
    func strictRouting() throws {
        let strict = SIPNameAddress(uri: SIPURI(host: "p1.atlanta.example.com", port: 5070,
                                                parameters: [SIPParameter(name: "method", value: "INVITE"), SIPParameter(name: "transport", value: "tcp")],
                                                headers: [SIPParameter(name: "Subject", value: "x")]))
        let invite = Fixtures.invite()
        let ok = Fixtures.response(200, to: invite, recordRoute: [Fixtures.route("p2.biloxi.example.com"), strict])
        var dialog = try #require(SIPDialog(uacFor: invite, response: ok))
        let info = dialog.makeRequest(method: .info, via: Fixtures.via("z9hG4bK-info"), contact: nil)
        #expect(info.requestURI.description == "sip:p1.atlanta.example.com:5070;transport=tcp")
        #expect(info.headers.route.map(\.description) == ["<sip:p2.biloxi.example.com;lr>", "<sip:bob@192.0.2.4:5060>"])
        #expect(info.headers.contact.isEmpty)
    }

    @Test("no route set: Request-URI is the remote target and there is no Route")
    func noRouteSet() throws {
        let invite = Fixtures.invite(recordRoute: [])
        var dialog = try #require(SIPDialog(uasFor: invite, localTag: Fixtures.bobTag))
        let bye = dialog.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-b", host: "192.0.2.4"), contact: nil)
        #expect(bye.requestURI.description == "sip:alice@pc33.atlanta.example.com")
        #expect(bye.headers.route.isEmpty)
        #expect(bye.headers.from.description == "<sip:bob@biloxi.example.com>;tag=a6c85cf")
        #expect(bye.headers.to.description == "<sip:alice@atlanta.example.com>;tag=1928301774")
    }

    @Test("UAS route set is used in received order")
    func uasRouteOrder() throws {
        var dialog = try Fixtures.bobDialog()
        let bye = dialog.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-b", host: "192.0.2.4"), contact: nil)
        #expect(bye.headers.route.map(\.description) == ["<sip:p2.biloxi.example.com;lr>", "<sip:p1.atlanta.example.com;lr>"])
        #expect(bye.requestURI.description == "sip:alice@pc33.atlanta.example.com")
    }

    @Test("CSeq: each new request adds one; ACK and CANCEL reuse the last number")
    func sequenceNumbers() throws {
        var dialog = try Fixtures.aliceDialog()
        let via = Fixtures.via("z9hG4bK-1")
        let reinvite = dialog.makeRequest(method: .invite, via: via, contact: nil)
        let ack = dialog.makeRequest(method: .ack, via: via, contact: nil)
        let cancel = dialog.makeRequest(method: .cancel, via: via, contact: nil)
        let update = dialog.makeRequest(method: .update, via: via, contact: nil)
        #expect([reinvite, ack, cancel, update].map(\.headers.cseq.description)
                == ["314160 INVITE", "314160 ACK", "314160 CANCEL", "314161 UPDATE"])
        #expect(dialog.localSequenceNumber == 314161)
    }

    @Test("UAS: the first request we send starts the empty local sequence number at 1")
    func uasFirstSequenceNumber() throws {
        var dialog = try Fixtures.bobDialog()
        let first = dialog.makeRequest(method: .info, via: Fixtures.via("z9hG4bK-i"), contact: nil)
        let second = dialog.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-b"), contact: nil)
        #expect(first.headers.cseq.description == "1 INFO")
        #expect(second.headers.cseq.description == "2 BYE")
        #expect(dialog.remoteSequenceNumber == 314159)
    }

    @Test("body and Content-Type are carried as given")
    func body() throws {
        var dialog = try Fixtures.aliceDialog()
        let sdp = Array("v=0\r\n".utf8)
        let reinvite = dialog.makeRequest(method: .invite, via: Fixtures.via("z9hG4bK-r"), contact: nil, maxForwards: 10,
                                          body: sdp, contentType: "application/sdp")
        #expect(reinvite.body == sdp)
        #expect(reinvite.headers.contentType == "application/sdp")
        #expect(reinvite.headers.maxForwards == 10)
    }

    @Test("ACK for a 2xx keeps the INVITE's CSeq number, applies the route set, leaves the local number")
    func ackForTwoHundred() throws {
        var dialog = try Fixtures.aliceDialog()
        let reinvite = dialog.makeRequest(method: .invite, via: Fixtures.via("z9hG4bK-r"), contact: nil)
        _ = dialog.makeRequest(method: .info, via: Fixtures.via("z9hG4bK-i"), contact: nil)
        let sdp = Array("v=0\r\n".utf8)
        let ack = dialog.makeACK(inviteSequenceNumber: reinvite.headers.cseq.sequenceNumber, via: Fixtures.via("z9hG4bK-ack"),
                                 body: sdp, contentType: "application/sdp")
        #expect(ack.method == .ack)
        #expect(ack.headers.cseq.description == "314160 ACK")
        #expect(ack.requestURI.description == "sip:bob@192.0.2.4:5060")
        #expect(ack.headers.route.map(\.description) == ["<sip:p1.atlanta.example.com;lr>", "<sip:p2.biloxi.example.com;lr>"])
        #expect(ack.headers.via.first?.branch == "z9hG4bK-ack")
        #expect(ack.headers.to.tag == Fixtures.bobTag)
        #expect(ack.headers.contact.isEmpty)
        #expect(ack.body == sdp)
        #expect(ack.headers.contentType == "application/sdp")
        #expect(dialog.localSequenceNumber == 314161)
    }

    @Test("an RFC 2543 peer without From tag gets a To without tag")
    func emptyRemoteTag() throws {
        var invite = Fixtures.invite()
        invite.headers.from.tag = nil
        var dialog = try #require(SIPDialog(uasFor: invite, localTag: Fixtures.bobTag))
        #expect(dialog.id.remoteTag == "")
        let bye = dialog.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-b"), contact: nil)
        #expect(bye.headers.to.description == "<sip:alice@atlanta.example.com>")
    }
}
