import CallStore
import Foundation
import Testing

/// A batch's call records and agent statuses written once each, with the store left as writing
/// every change in order would leave it.
@Suite("Store changes coalesced per batch")
struct CoalescingTests {
    private static func versions(_ callID: String, at seconds: Int64) -> [CallDetailRecord] {
        let opened = CallDetailRecord(callID: callID, callerNumber: "+15551230001", queue: "support", arrivedAt: instant(seconds))
        var answered = opened
        answered.agent = "alice"
        answered.answeredAt = instant(seconds + 5)
        var ended = completedCall(callID, at: seconds)
        ended.dialedNumber = nil
        answered.dialedNumber = "+15550100"
        return [opened, answered, ended]
    }

    @Test("one write per call and per agent, where its first version stood; offers and queue log lines untouched")
    func onePerCall() {
        let a = Self.versions("a", at: 0), b = Self.versions("b", at: 1)
        let offer = StoreChange.offer(OfferAttempt(callID: "a", callArrivedAt: instant(0), sequence: 1, agent: "alice",
                                                   offeredAt: instant(1), ringingAt: nil, endedAt: instant(5), result: .answered))
        let line = StoreChange.queueLog(QueueLogEvent(time: instant(5), callID: "a", queue: "support", agent: "alice", event: .connect))
        let paused = StoreChange.agentStatus(AgentStatusRecord(agent: "bob", status: .onBreak, reason: "lunch", since: instant(2)))
        let back = StoreChange.agentStatus(AgentStatusRecord(agent: "bob", status: .available, since: instant(3)))
        let batch: [StoreChange] = [.call(a[0]), .call(b[0]), offer, paused, .call(a[1]), line, back, .call(a[2]), .call(b[1])]
        var mergedA = a[2]
        mergedA.dialedNumber = "+15550100"
        #expect(StoreChange.coalescing(batch) == [.call(mergedA), .call(b[1]), offer, back, line])
        #expect(StoreChange.coalescing([.call(a[0]), offer, line]) == [.call(a[0]), offer, line])
    }

    @Test("the caller number stays the first version's, as the store's upsert keeps it")
    func firstCallerNumber() throws {
        let versions = Self.versions("a", at: 0)
        var renumbered = versions[2]
        renumbered.callerNumber = "+15559999999"
        let batch: [StoreChange] = [.call(versions[0]), .call(renumbered)]
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        try store.apply(batch)
        #expect(try store.callRecords(matching: CallRecordQuery()).map(\.callerNumber) == ["+15551230001"])
        guard case .call(let merged) = StoreChange.coalescing(batch).first else {
            Issue.record("no call record in the coalesced batch")
            return
        }
        #expect(merged.callerNumber == "+15551230001")
    }

    @Test("a store given the coalesced batch holds what the store given every change holds")
    func sameOutcome() throws {
        var batch: [StoreChange] = []
        for (index, call) in ["a", "b", "c"].enumerated() {
            batch += Self.versions(call, at: Int64(index)).map(StoreChange.call)
        }
        batch.swapAt(1, 4)
        let whole = try TemporaryStore(), coalesced = try TemporaryStore()
        defer { whole.remove(); coalesced.remove() }
        let wholeStore = try whole.open(), coalescedStore = try coalesced.open()
        try wholeStore.apply(batch)
        try coalescedStore.apply(StoreChange.coalescing(batch))
        #expect(StoreChange.coalescing(batch).count == 3)
        let expected = try wholeStore.callRecords(matching: CallRecordQuery())
        #expect(expected.count == 3 && expected.allSatisfy { $0.dialedNumber == "+15550100" && $0.agent == "alice" })
        #expect(try coalescedStore.callRecords(matching: CallRecordQuery()) == expected)
    }
}
