import SIPCore
import SIPStack
import SIPTransport
import SwitchboardTestKit
import Testing

/// Refuses every new call with one reason phrase, and counts what it was asked.
final class RefusingAdmission: NewCallAdmission {
    var reason: String?
    var asked = 0

    init(reason: String?) { self.reason = reason }

    func refusal(for invite: SIPRequest) -> String? {
        asked += 1
        return reason
    }

    var admitsNewCallsAtOnce: Bool { reason == nil }
}

@Suite("Transaction layer: a refused new call gets a stateless 503 before any state")
struct NewCallAdmissionTests {
    @Test func aRefusedINVITEGetsAStateless503AndItsRetransmissionTheSameAnswer() throws {
        let harness = try LayerHarness()
        let admission = RefusingAdmission(reason: "Overloaded")
        harness.layer.admission = admission
        let caller = harness.caller()

        harness.layer.receive(SIPInboundMessage(message: .request(caller.invite), source: harness.peer))
        let refused = try #require(harness.sender.takeSent().first?.response)
        #expect(refused.statusCode == 503)
        #expect(refused.reasonPhrase == "Overloaded")
        #expect(refused.headers["Retry-After"] == ["7"])
        let tag = try #require(refused.headers.to.tag)
        #expect(harness.layer.serverTransactionCount == 0)
        #expect(harness.user.requests.isEmpty)
        #expect(harness.layer.refusedNewCalls == ["Overloaded": 1])

        harness.layer.receive(SIPInboundMessage(message: .request(caller.invite), source: harness.peer))
        let again = try #require(harness.sender.takeSent().first?.response)
        #expect(again.statusCode == 503)
        #expect(again.headers.to.tag == tag)
        #expect(harness.layer.serverTransactionCount == 0)
        #expect(harness.receive(.request(caller.ack(forFailure: refused))) == [])
        #expect(harness.layer.serverTransactionCount == 0)
    }

    @Test func onlyNewCallsAreAskedAboutAndAnAdmittedOneGetsATransaction() throws {
        let harness = try LayerHarness()
        let admission = RefusingAdmission(reason: nil)
        harness.layer.admission = admission
        let caller = harness.caller()
        #expect(harness.receive(.request(caller.invite)) == [])
        #expect(harness.layer.serverTransactionCount == 1)
        #expect(admission.asked == 1)

        admission.reason = "Overloaded"
        #expect(harness.receive(.request(caller.invite)) == [], "a retransmission of an admitted INVITE is absorbed by its transaction")
        var options = caller.invite
        options.method = .options
        options.headers.cseq = SIPCSeq(sequenceNumber: 2, method: .options)
        options.headers.via[0].parameters = [SIPParameter(name: "branch", value: SIPRandomToken.branch())]
        #expect(harness.receive(.request(options)) == [])
        #expect(harness.user.requests.map(\.request.method) == [.invite, .options])
        #expect(admission.asked == 1)
        #expect(harness.layer.refusedNewCalls.isEmpty)
    }
}
