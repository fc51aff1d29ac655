import SIPCore
import SIPStack
import SIPTransport
import SwitchboardTestKit
import Testing

@Suite("Transaction layer: a full server transaction table refuses statelessly")
struct TransactionCapacityTests {
    @Test func pastTheCapNewRequestsGetAStateless503AndACKsAreDropped() throws {
        let harness = try LayerHarness(maximumServerTransactions: 2)
        let first = harness.caller()
        let second = harness.caller()
        #expect(harness.receive(.request(first.invite)) == [])
        #expect(harness.receive(.request(second.invite)) == [])
        #expect(harness.layer.serverTransactionCount == 2)

        let third = harness.caller()
        harness.layer.receive(SIPInboundMessage(message: .request(third.invite), source: harness.peer))
        let refused = try #require(harness.sender.takeSent().first?.response)
        #expect(refused.statusCode == 503)
        #expect(refused.headers["Retry-After"] == ["7"])
        #expect(refused.headers.callID == third.invite.headers.callID)
        #expect(harness.user.requests.count == 2)
        #expect(harness.layer.serverTransactionCount == 2)
        #expect(harness.layer.refusedForCapacity == 1)

        #expect(harness.receive(.request(third.ack(forFailure: refused))) == [])
    }
}
