import CallStore
import Foundation
import Testing

@Suite("SQLite store: schema, call records and their filters")
struct SQLiteStoreTests {
    @Test("a new file gets the schema once; reopening keeps the rows and applies no migration again")
    func migrations() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.open().apply([.call(completedCall("a@pstn", at: 0))])
        let reopened = try temporary.open()
        #expect(try reopened.appliedMigrations() == ["v1: call records, offer attempts, queue log, agent status",
                                                     "v2: calls in progress apart from ended calls, no offer index by agent",
                                                     "v3: pending callbacks"])
        #expect(try reopened.callRecords(matching: CallRecordQuery()).map(\.callID) == ["a@pstn"])
    }

    @Test("a record reads back as written, with its wait and talk seconds")
    func roundTrip() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let record = completedCall("a@pstn", at: 0)
        try store.apply([.call(record)])
        let read = try #require(try store.callRecords(matching: CallRecordQuery()).first)
        #expect(read == record)
        #expect(read.waitSeconds == 5)
        #expect(read.talkSeconds == 60)
    }

    @Test("a call opened at arrival and closed at its end is one row; the dialed number survives an update without it")
    func openThenClose() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        var record = CallDetailRecord(callID: "a@pstn", callerNumber: "+15551230001", dialedNumber: "+15550100", queue: "support",
                                      arrivedAt: instant(0))
        try store.apply([.call(record)])
        #expect(try store.callRecords(matching: CallRecordQuery()).first?.outcome == .inProgress)
        record.dialedNumber = nil
        record.answeredAt = instant(3)
        record.endedAt = instant(10)
        record.outcome = .completed
        record.endedBy = .agent
        try store.apply([.call(record)])
        let rows = try store.callRecords(matching: CallRecordQuery())
        #expect(rows.count == 1)
        #expect(rows.first?.outcome == .completed)
        #expect(rows.first?.endedBy == .agent)
        #expect(rows.first?.dialedNumber == "+15550100")
    }

    @Test("each filter alone and together, newest first, limited")
    func filters() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        try store.apply([
            .call(completedCall("1", at: 0, queue: "support", agent: "alice", caller: "+15551230001", dialed: "+15550100")),
            .call(completedCall("2", at: 100, queue: "sales", agent: "bob", caller: "+15551230002", dialed: "+15550200")),
            .call(completedCall("3", at: 200, queue: "support", agent: "bob", caller: "+15551230001", dialed: "+15550199")),
            .call(completedCall("4", at: 300, queue: "support", agent: "alice", caller: "+15551230003", dialed: "+15550100")),
        ])
        func ids(_ query: CallRecordQuery) throws -> [String] { try store.callRecords(matching: query).map(\.callID) }
        #expect(try ids(CallRecordQuery()) == ["4", "3", "2", "1"])
        #expect(try ids(CallRecordQuery(limit: 2)) == ["4", "3"])
        #expect(try ids(CallRecordQuery(from: instant(100))) == ["4", "3", "2"])
        #expect(try ids(CallRecordQuery(to: instant(200))) == ["2", "1"])
        #expect(try ids(CallRecordQuery(from: instant(100), to: instant(300))) == ["3", "2"])
        #expect(try ids(CallRecordQuery(queue: "support")) == ["4", "3", "1"])
        #expect(try ids(CallRecordQuery(agent: "bob")) == ["3", "2"])
        #expect(try ids(CallRecordQuery(number: "+15551230001")) == ["3", "1"])
        #expect(try ids(CallRecordQuery(number: "+15550100")) == ["4", "1"])
        #expect(try ids(CallRecordQuery(queue: "support", agent: "alice", number: "+15550100")) == ["4", "1"])
        #expect(try ids(CallRecordQuery(queue: "nowhere")).isEmpty)
    }

    @Test("the same Call-ID arriving again later is another call")
    func repeatedCallID() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        try store.apply([.call(completedCall("same", at: 0)), .call(completedCall("same", at: 500))])
        #expect(try store.callRecords(matching: CallRecordQuery()).map(\.arrivedAt) == [instant(500), instant(0)])
    }

    @Test("offer attempts read back per call (Call-ID and arrival), in the order they were made")
    func offerAttempts() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let first = OfferAttempt(callID: "a@pstn", callArrivedAt: instant(0), sequence: 1, agent: "alice", offeredAt: instant(1),
                                 ringingAt: instant(1), endedAt: instant(16), result: .noAnswer)
        let second = OfferAttempt(callID: "a@pstn", callArrivedAt: instant(0), sequence: 2, agent: "bob", offeredAt: instant(16),
                                  ringingAt: nil, endedAt: instant(17), result: .declined)
        let third = OfferAttempt(callID: "a@pstn", callArrivedAt: instant(0), sequence: 3, agent: "carol", offeredAt: instant(17),
                                 ringingAt: instant(18), endedAt: instant(20), result: .answered)
        let later = OfferAttempt(callID: "a@pstn", callArrivedAt: instant(900), sequence: 1, agent: "alice", offeredAt: instant(901),
                                 ringingAt: nil, endedAt: instant(902), result: .busy)
        try store.apply([.offer(second), .offer(later), .offer(first), .offer(third)])
        #expect(try store.offerAttempts(callID: "a@pstn", arrivedAt: instant(0)) == [first, second, third])
        #expect(try store.offerAttempts(callID: "a@pstn", arrivedAt: instant(900)) == [later])
        #expect(try store.offerAttempts(callID: "other", arrivedAt: instant(0)).isEmpty)
    }
}
