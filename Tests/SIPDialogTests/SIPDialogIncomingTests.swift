import SIPCore
import SIPDialog
import Testing

/// One row of the §12.2.2 table: a request Alice sends to Bob's dialog (remote number 314159).
struct IncomingCase: Sendable, CustomTestStringConvertible {
    let method: SIPMethod
    let sequenceNumber: UInt32
    let verdict: IncomingRequestVerdict
    let remoteSequenceNumberAfter: UInt32
    var testDescription: String { "\(sequenceNumber) \(method)" }
}

@Suite("SIPDialog incoming requests and target refresh (RFC 3261 §12.2.1.2, §12.2.2)")
struct SIPDialogIncomingTests {
    static let serverError = IncomingRequestVerdict.reject(statusCode: 500, reasonPhrase: "Server Internal Error")

    @Test("CSeq ordering", arguments: [
        IncomingCase(method: .bye, sequenceNumber: 314160, verdict: .accept, remoteSequenceNumberAfter: 314160),
        IncomingCase(method: .info, sequenceNumber: 400000, verdict: .accept, remoteSequenceNumberAfter: 400000),
        IncomingCase(method: .bye, sequenceNumber: 314158, verdict: serverError, remoteSequenceNumberAfter: 314159),
        IncomingCase(method: .info, sequenceNumber: 314159, verdict: serverError, remoteSequenceNumberAfter: 314159),
        IncomingCase(method: .ack, sequenceNumber: 314159, verdict: .accept, remoteSequenceNumberAfter: 314159),
        IncomingCase(method: .cancel, sequenceNumber: 314159, verdict: .accept, remoteSequenceNumberAfter: 314159),
    ])
    func ordering(row: IncomingCase) throws {
        var dialog = try Fixtures.bobDialog()
        let verdict = dialog.validateIncoming(Fixtures.aliceRequest(row.method, sequenceNumber: row.sequenceNumber))
        #expect(verdict == row.verdict)
        #expect(dialog.remoteSequenceNumber == row.remoteSequenceNumberAfter)
    }

    @Test("a request of another dialog gets 481")
    func otherDialog() throws {
        var dialog = try Fixtures.bobDialog()
        let stray = Fixtures.aliceRequest(.bye, sequenceNumber: 314160, toTag: "someone-else")
        let verdict = dialog.validateIncoming(stray)
        #expect(verdict == .reject(statusCode: 481, reasonPhrase: "Call/Transaction Does Not Exist"))
        #expect(dialog.remoteSequenceNumber == 314159)
    }

    @Test("UAC: the peer's first request sets the empty remote sequence number")
    func firstRemoteRequest() throws {
        var alice = try Fixtures.aliceDialog()
        var bob = try Fixtures.bobDialog()
        let bye = bob.makeRequest(method: .bye, via: Fixtures.via("z9hG4bK-b", host: "192.0.2.4"), contact: nil)
        let first = alice.validateIncoming(bye)
        #expect(first == .accept)
        #expect(alice.remoteSequenceNumber == 1)
        let again = alice.validateIncoming(bye)
        #expect(again == Self.serverError)
    }

    @Test("re-INVITE and UPDATE from the peer replace the remote target; other methods do not", arguments: [
        (SIPMethod.invite, "sip:alice@198.51.100.7"),
        (SIPMethod.update, "sip:alice@198.51.100.7"),
        (SIPMethod.info, "sip:alice@pc33.atlanta.example.com"),
    ])
    func incomingTargetRefresh(method: SIPMethod, remoteTarget: String) throws {
        var dialog = try Fixtures.bobDialog()
        let request = Fixtures.aliceRequest(method, sequenceNumber: 314160, contact: SIPURI(user: "alice", host: "198.51.100.7"))
        let verdict = dialog.validateIncoming(request)
        #expect(verdict == .accept)
        #expect(dialog.remoteTarget.description == remoteTarget)
    }

    @Test("a rejected re-INVITE does not replace the remote target")
    func rejectedTargetRefresh() throws {
        var dialog = try Fixtures.bobDialog()
        let old = Fixtures.aliceRequest(.invite, sequenceNumber: 314159, contact: SIPURI(host: "198.51.100.7"))
        let verdict = dialog.validateIncoming(old)
        #expect(verdict == Self.serverError)
        #expect(dialog.remoteTarget.description == "sip:alice@pc33.atlanta.example.com")
    }

    @Test("a 2xx to our re-INVITE or UPDATE replaces the remote target; other responses do not", arguments: [
        (SIPMethod.invite, 200, true),
        (SIPMethod.update, 200, true),
        (SIPMethod.invite, 488, false),
        (SIPMethod.info, 200, false),
    ])
    func outgoingTargetRefresh(method: SIPMethod, statusCode: Int, refreshed: Bool) throws {
        var dialog = try Fixtures.aliceDialog()
        let request = dialog.makeRequest(method: method, via: Fixtures.via("z9hG4bK-r"), contact: nil)
        let response = Fixtures.response(statusCode, to: request, contact: SIPURI(user: "bob", host: "203.0.113.5"))
        let replaced = dialog.refreshTarget(with: response)
        #expect(replaced == refreshed)
        #expect(dialog.remoteTarget.description == (refreshed ? "sip:bob@203.0.113.5" : "sip:bob@192.0.2.4:5060"))
    }

    @Test("a 2xx to a re-INVITE of another dialog does not touch the remote target")
    func outgoingTargetRefreshOtherDialog() throws {
        var dialog = try Fixtures.aliceDialog()
        let request = dialog.makeRequest(method: .invite, via: Fixtures.via("z9hG4bK-r"), contact: nil)
        let response = Fixtures.response(200, to: request, toTag: "other", contact: SIPURI(host: "203.0.113.5"))
        let replaced = dialog.refreshTarget(with: response)
        #expect(!replaced)
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4:5060")
    }

    @Test("dialog ids are symmetric: each side computes the other's messages to its own id")
    func idSymmetry() throws {
        var alice = try Fixtures.aliceDialog()
        var bob = try Fixtures.bobDialog()
        let fromAlice = alice.makeRequest(method: .info, via: Fixtures.via("z9hG4bK-a"), contact: nil)
        let fromBob = bob.makeRequest(method: .info, via: Fixtures.via("z9hG4bK-b", host: "192.0.2.4"), contact: nil)
        #expect(SIPDialogID.forIncoming(fromAlice) == bob.id)
        #expect(SIPDialogID.forIncoming(fromBob) == alice.id)
        #expect(SIPDialogID.forIncoming(Fixtures.response(200, to: fromAlice)) == alice.id)
        #expect(alice.id == SIPDialogID(callID: Fixtures.callID, localTag: bob.id.remoteTag, remoteTag: bob.id.localTag))
        let atBob = bob.validateIncoming(fromAlice)
        #expect(atBob == .accept)
        let atAlice = alice.validateIncoming(fromBob)
        #expect(atAlice == .accept)
    }

    @Test("no dialog id for messages outside a dialog")
    func idOutsideDialog() {
        let invite = Fixtures.invite()
        #expect(SIPDialogID.forIncoming(invite) == nil)
        #expect(SIPDialogID.forIncoming(Fixtures.response(100, to: invite, toTag: nil)) == nil)
    }
}
