import SIPCore
import SIPStack
import SwitchboardTestKit
import Testing

@Suite("100 Trying leaves at once")
struct TryingFlushTests {
    @Test func a100IsFlushedAtOnceAndOtherResponsesWaitForTheBatch() throws {
        let harness = try LayerHarness()
        harness.receive(.request(harness.caller().invite))
        let transaction = try #require(harness.user.requests.first?.transaction)
        transaction.respond(statusCode: 100)
        #expect(harness.sender.immediateFlushes == 1)
        transaction.respond(statusCode: 180)
        transaction.respond(statusCode: 486)
        #expect(harness.sender.immediateFlushes == 1, "only the 100 is worth a system call of its own")
        #expect(harness.takeSent() == ["100 INVITE", "180 INVITE", "486 INVITE"])
    }

    @Test func theUserKnowsWhetherABatchIsBeingReadAndHearsWhenItEnds() throws {
        let harness = try LayerHarness()
        #expect(!harness.layer.readingBatch)
        harness.layer.readBatchBegan()
        harness.receive(.request(harness.caller().invite))
        #expect(harness.layer.readingBatch)
        #expect(harness.user.batchesEnded == 0)
        harness.layer.readBatchEnded()
        #expect(!harness.layer.readingBatch)
        #expect(harness.user.batchesEnded == 1)
    }
}
