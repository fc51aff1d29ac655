import CallStore
import Foundation
import SwitchboardTestKit
import Testing

/// The store against the v1 reference: random call histories written both ways (every change on
/// its own into the v1 tables; batches coalesced as the writer coalesces them into the current
/// tables), then every query the control API and start-up make must answer the same.
@Suite("Call store: the same records as the v1 store wrote")
struct StoreEquivalenceTests {
    private static let queries = [
        CallRecordQuery(limit: 100_000), CallRecordQuery(limit: 7), CallRecordQuery(queue: "sales", limit: 100_000),
        CallRecordQuery(agent: "bob", limit: 100_000), CallRecordQuery(number: "+15550100", limit: 100_000),
        CallRecordQuery(number: "+15551233", limit: 100_000), CallRecordQuery(from: instant(60), to: instant(400), limit: 100_000),
        CallRecordQuery(from: instant(100), queue: "support", agent: "alice", limit: 5),
    ]

    @Test("random histories in random batches: records, offers, queue log and statuses as v1 kept them, also after a restart",
          arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sameAsV1(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let changes = RandomCallHistory.changes(calls: 200, using: &rng)
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let reference = try V1ReferenceStore(path: temporary.path + ".v1"), store = try temporary.open()
        for batch in RandomCallHistory.batches(changes, largest: 60, using: &rng) {
            try reference.apply(batch)
            try store.apply(StoreChange.coalescing(batch))
        }
        let open = try reference.callRecords(matching: CallRecordQuery(limit: 100_000)).filter { $0.endedAt == nil }.count
        #expect(open > 0)
        try expectSame(store, reference)
        #expect(try store.closeInterruptedCalls(at: instant(10_000)) == reference.closeInterruptedCalls(at: instant(10_000)))
        try expectSame(store, reference)
    }

    @Test("a file v1 wrote, calls still open, is upgraded in place: the same answers, and the same after more calls and a restart")
    func upgradedFromV1() throws {
        var rng = SeededGenerator(seed: 42)
        let changes = RandomCallHistory.changes(calls: 300, using: &rng)
        let (before, after) = (changes.prefix(changes.count / 2), changes.dropFirst(changes.count / 2))
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let reference = try V1ReferenceStore(path: temporary.path + ".v1")
        try V1ReferenceStore(path: temporary.path).apply(Array(before))
        try reference.apply(Array(before))
        let store = try temporary.open()
        #expect(try store.appliedMigrations().count == 3)
        try expectSame(store, reference)
        for batch in RandomCallHistory.batches(Array(after), largest: 60, using: &rng) {
            try reference.apply(batch)
            try store.apply(StoreChange.coalescing(batch))
        }
        try expectSame(store, reference)
        #expect(try store.closeInterruptedCalls(at: instant(10_000)) == reference.closeInterruptedCalls(at: instant(10_000)))
        try expectSame(store, reference)
    }

    private func expectSame(_ store: SQLiteStore, _ reference: V1ReferenceStore,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        for query in Self.queries {
            #expect(try store.callRecords(matching: query) == reference.callRecords(matching: query), "\(query)",
                    sourceLocation: sourceLocation)
        }
        for record in try reference.callRecords(matching: CallRecordQuery(limit: 100_000)) {
            #expect(try store.offerAttempts(callID: record.callID, arrivedAt: record.arrivedAt)
                == reference.offerAttempts(callID: record.callID, arrivedAt: record.arrivedAt), sourceLocation: sourceLocation)
        }
        #expect(try store.queueLog(since: instant(0), limit: 100_000) == reference.queueLog(), sourceLocation: sourceLocation)
        #expect(try store.agentStatuses() == reference.agentStatuses(), sourceLocation: sourceLocation)
    }
}
