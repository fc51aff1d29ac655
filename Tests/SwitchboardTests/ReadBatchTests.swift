import B2BUA
import SIPCore
@testable import Switchboard
import SwitchboardTestKit
import Testing

@Suite("New calls read in one batch")
struct ReadBatchTests {
    @Test func everyNewCallOfABatchHasIts100BeforeAnyIsQueued() throws {
        let harness = try CallHarness()
        let first = SBCCaller(calling: TestQueues.sales, from: "+15551230001", switchboardHost: CallHarness.switchboardHost,
                              sbcHost: CallHarness.sbcHost)
        let second = SBCCaller(calling: TestQueues.sales, from: "+15551230002", switchboardHost: CallHarness.switchboardHost,
                               sbcHost: CallHarness.sbcHost)
        harness.layer.readBatchBegan()
        #expect(harness.receive(first.invite).summary == ["100 INVITE"])
        #expect(harness.receive(second.invite).summary == ["100 INVITE"])
        #expect(harness.router.waitingCount == 2)

        harness.layer.readBatchEnded()
        let queued = harness.sender.takeSent()
        #expect(queued.summary == ["180 INVITE", "180 INVITE", "INVITE"])
        #expect(queued.responses.map(\.headers.callID) == [first.invite.headers.callID, second.invite.headers.callID])
        #expect(queued.requests(.invite).map(\.headers.from.uri.user) == ["+15551230001"], "the first caller is offered first")
    }

    @Test func aCancelInTheSameBatchFindsTheCallerQueuedFirst() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.layer.readBatchBegan()
        #expect(harness.receive(caller.invite).summary == ["100 INVITE"])

        let cancelled = harness.receive(caller.cancel())
        #expect(cancelled.summary == ["200 CANCEL", "180 INVITE", "487 INVITE"])
        harness.layer.readBatchEnded()
        #expect(harness.sender.takeSent().summary == [])

        let terminated = try #require(cancelled.responses.last)
        #expect(harness.receive(caller.ack(forFailure: terminated)).summary == [])
        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: nil)])
        #expect(harness.distributor.engine.heldCallIDs.isEmpty)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aTimerFiringBeforeTheBatchEndsQueuesTheCallerFirst() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)
        harness.layer.readBatchBegan()
        #expect(harness.receive(caller.invite).summary == ["100 INVITE"])
        // The router's reconciliation with the distributor is due 30 s after it starts.
        #expect(harness.advance(by: .milliseconds(30_100)).summary == ["180 INVITE", "INVITE"])
        harness.layer.readBatchEnded()
        #expect(harness.sender.takeSent().summary == [])
    }
}
