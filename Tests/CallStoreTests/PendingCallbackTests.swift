@testable import CallStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store: pending callbacks survive a restart")
struct PendingCallbackTests {
    /// A callback entry of the call `callID` that arrived at `seconds`, every field set.
    private func entry(_ callID: String, at seconds: Int64, attempts: Int = 0, nextAttempt: Int64? = nil) -> PendingCallback {
        PendingCallback(callID: callID, arrivedAt: instant(seconds), queue: "support", callerNumber: "+15551230001",
                        dialedNumber: "+15550100", trunk: "udp:192.0.2.10:5060", priority: 2,
                        requiredSkills: ["german": 3, "billing": 1], placeTakenAt: instant(seconds - 30),
                        enteredQueueAt: instant(seconds + 1), originalPosition: 4, attempts: attempts,
                        nextAttemptAt: nextAttempt.map(instant))
    }

    private func open(_ callID: String, at seconds: Int64) -> CallDetailRecord {
        CallDetailRecord(callID: callID, callerNumber: "+15551230001", queue: "support", arrivedAt: instant(seconds))
    }

    @Test("an entry reads back as written; an update replaces it; a deleted one is gone")
    func roundTrip() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let first = entry("a@pstn", at: 0)
        try store.apply([.call(open("a@pstn", at: 0)), .callback(first), .call(open("b@pstn", at: 5)), .callback(entry("b@pstn", at: 5))])
        #expect(try store.pendingCallbacks() == [first, entry("b@pstn", at: 5)])
        let retried = entry("a@pstn", at: 0, attempts: 1, nextAttempt: 90)
        try store.apply([.callback(retried), .callbackEnded(callID: "b@pstn", arrivedAt: instant(5))])
        #expect(try store.pendingCallbacks() == [retried])
    }

    @Test("the start-up closing leaves the records of pending callbacks open and closes the others as interrupted")
    func restart() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.open().apply([.call(open("kept", at: 0)), .callback(entry("kept", at: 0, attempts: 2, nextAttempt: 300)),
                                    .call(open("waiting", at: 10))])
        let restarted = try temporary.open()
        #expect(try restarted.closeInterruptedCalls(at: instant(100)) == 1)
        #expect(try restarted.pendingCallbacks() == [entry("kept", at: 0, attempts: 2, nextAttempt: 300)])
        let rows = Dictionary(uniqueKeysWithValues: try restarted.callRecords(matching: CallRecordQuery()).map { ($0.callID, $0) })
        #expect(rows["kept"]?.outcome == .inProgress)
        #expect(rows["kept"]?.endedAt == nil)
        #expect(rows["waiting"]?.outcome == .interrupted)
    }

    @Test("entries come back in the order of their places; one whose record was closed is forgotten")
    func order() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        var early = entry("early", at: 50)
        early.placeTakenAt = instant(1)
        var closed = open("closed", at: 20)
        closed.endedAt = instant(60)
        closed.outcome = .completed
        try store.apply([.call(open("late", at: 40)), .callback(entry("late", at: 40)), .call(open("early", at: 50)), .callback(early),
                         .call(open("closed", at: 20)), .callback(entry("closed", at: 20)), .call(closed)])
        #expect(try store.pendingCallbacks().map(\.callID) == ["early", "late"])
        let rows = try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM pending_callbacks") }
        #expect(rows == 2)
    }

    @Test("the migration to v3 adds the table to a v2 file, keeping its open records, which then close as before")
    func migration() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let pool = try DatabasePool(path: temporary.path)
        try SQLiteStore.migrator.migrate(pool, upTo: "v2: calls in progress apart from ended calls, no offer index by agent")
        try pool.write { db in
            try db.execute(sql: "INSERT INTO open_call_records (arrived_at, call_id, caller_number, queue, outcome) VALUES (?, 'v2', '+1555', 'support', 'inProgress')",
                           arguments: [instant(0).unixMilliseconds])
        }
        try pool.close()
        let store = try temporary.open()
        #expect(try store.appliedMigrations().last == "v3: pending callbacks")
        #expect(try store.pendingCallbacks().isEmpty)
        #expect(try store.closeInterruptedCalls(at: instant(10)) == 1)
        try store.apply([.call(open("new", at: 20)), .callback(entry("new", at: 20))])
        #expect(try store.pendingCallbacks().map(\.callID) == ["new"])
    }

    @Test("coalesced, a batch that writes an entry and ends it after its record's close keeps neither")
    func coalesced() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        var ended = open("a@pstn", at: 0)
        ended.endedAt = instant(30)
        ended.outcome = .callbackFailed
        let batch: [StoreChange] = [.call(open("a@pstn", at: 0)), .callback(entry("a@pstn", at: 0)), .call(ended),
                                    .callbackEnded(callID: "a@pstn", arrivedAt: instant(0))]
        try store.apply(StoreChange.coalescing(batch))
        #expect(try store.pendingCallbacks().isEmpty)
        #expect(try store.callRecords(matching: CallRecordQuery()).map(\.outcome) == [.callbackFailed])
    }
}
