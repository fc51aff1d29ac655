import SIPCore
import SIPDialog
import Testing

@Suite("SIPDialog creation (RFC 3261 §12.1)")
struct SIPDialogCreationTests {
    @Test("UAS: route set is Record-Route in order, remote target is the request's Contact")
    func uasDialog() throws {
        let dialog = try Fixtures.bobDialog()
        #expect(dialog.id == SIPDialogID(callID: Fixtures.callID, localTag: Fixtures.bobTag, remoteTag: Fixtures.aliceTag))
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.description) == ["<sip:p2.biloxi.example.com;lr>", "<sip:p1.atlanta.example.com;lr>"])
        #expect(dialog.remoteTarget.description == "sip:alice@pc33.atlanta.example.com")
        #expect(dialog.remoteSequenceNumber == 314159)
        #expect(dialog.localSequenceNumber == nil)
        #expect(dialog.localURI.description == "sip:bob@biloxi.example.com")
        #expect(dialog.remoteURI.description == "sip:alice@atlanta.example.com")
        #expect(dialog.secure == false)
    }

    @Test("UAC: route set is the response's Record-Route reversed, remote target its Contact")
    func uacDialog() throws {
        let dialog = try Fixtures.aliceDialog()
        #expect(dialog.id == SIPDialogID(callID: Fixtures.callID, localTag: Fixtures.aliceTag, remoteTag: Fixtures.bobTag))
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.description) == ["<sip:p1.atlanta.example.com;lr>", "<sip:p2.biloxi.example.com;lr>"])
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4:5060")
        #expect(dialog.localSequenceNumber == 314159)
        #expect(dialog.remoteSequenceNumber == nil)
        #expect(dialog.localURI.description == "sip:alice@atlanta.example.com")
        #expect(dialog.remoteURI.description == "sip:bob@biloxi.example.com")
    }

    @Test("UAC: a 180 with a To tag creates an early dialog; the 2xx confirms it with its own route set and target")
    func earlyToConfirmed() throws {
        let invite = Fixtures.invite()
        let ringing = Fixtures.response(180, to: invite, contact: SIPURI(user: "bob", host: "192.0.2.9"),
                                        recordRoute: [Fixtures.route("p1.atlanta.example.com")])
        var dialog = try #require(SIPDialog(uacFor: invite, response: ringing))
        #expect(dialog.state == .early)
        #expect(dialog.routeSet.map(\.description) == ["<sip:p1.atlanta.example.com;lr>"])
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.9")

        let confirmed = dialog.confirm(with: Fixtures.response(200, to: invite))
        #expect(confirmed)
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.description) == ["<sip:p1.atlanta.example.com;lr>", "<sip:p2.biloxi.example.com;lr>"])
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4:5060")
    }

    @Test("UAC: a 2xx from another fork or a non-2xx does not confirm the early dialog")
    func confirmRejectsOtherResponses() throws {
        let invite = Fixtures.invite()
        var dialog = try #require(SIPDialog(uacFor: invite, response: Fixtures.response(183, to: invite)))
        let otherFork = dialog.confirm(with: Fixtures.response(200, to: invite, toTag: "other-fork"))
        #expect(!otherFork)
        let provisional = dialog.confirm(with: Fixtures.response(183, to: invite))
        #expect(!provisional)
        #expect(dialog.state == .early)
    }

    @Test("UAC: a retransmitted 2xx leaves the confirmed route set and target alone")
    func retransmittedTwoHundred() throws {
        let invite = Fixtures.invite()
        var dialog = try Fixtures.aliceDialog()
        let changed = Fixtures.response(200, to: invite, contact: SIPURI(host: "198.51.100.1"), recordRoute: [])
        let confirmed = dialog.confirm(with: changed)
        #expect(confirmed)
        #expect(dialog.routeSet.count == 2)
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4:5060")
    }

    @Test("UAS: an early dialog is confirmed by the 2xx we send, not by another dialog's")
    func uasEarlyToConfirmed() throws {
        let invite = Fixtures.invite()
        var dialog = try #require(SIPDialog(uasFor: invite, localTag: Fixtures.bobTag, state: .early))
        #expect(dialog.state == .early)
        let notOurs = dialog.confirm(with: Fixtures.response(200, to: invite, toTag: "not-ours"))
        #expect(!notOurs)
        #expect(dialog.state == .early)
        let ours = dialog.confirm(with: Fixtures.response(200, to: invite))
        #expect(ours)
        #expect(dialog.state == .confirmed)
    }

    @Test("UAC: responses that create no dialog", arguments: [
        (100, Fixtures.bobTag as String?, true),
        (180, nil, true),
        (486, Fixtures.bobTag, true),
        (200, Fixtures.bobTag, false),
    ])
    func noDialog(statusCode: Int, toTag: String?, withContact: Bool) {
        let invite = Fixtures.invite()
        let response = Fixtures.response(statusCode, to: invite, toTag: toTag, contact: withContact ? Fixtures.bobContact : nil)
        #expect(SIPDialog(uacFor: invite, response: response) == nil)
    }

    @Test("UAS: an INVITE without Contact creates no dialog")
    func uasWithoutContact() {
        #expect(SIPDialog(uasFor: Fixtures.invite(contact: []), localTag: Fixtures.bobTag) == nil)
    }

    @Test("secure only for a SIPS Request-URI sent over TLS", arguments: [
        ("sips", "TLS", true),
        ("sips", "TCP", false),
        ("sip", "TLS", false),
    ])
    func secureFlag(scheme: String, transport: String, secure: Bool) throws {
        let invite = Fixtures.invite(requestURI: SIPURI(scheme: scheme, user: "bob", host: "biloxi.example.com"), transport: transport)
        let uas = try #require(SIPDialog(uasFor: invite, localTag: Fixtures.bobTag))
        let uac = try #require(SIPDialog(uacFor: invite, response: Fixtures.response(200, to: invite)))
        #expect(uas.secure == secure)
        #expect(uac.secure == secure)
    }
}
