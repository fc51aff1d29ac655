import CallStore
import Foundation
import Testing

@Suite("Queue log: Asterisk's line form, storage and export")
struct QueueLogTests {
    @Test("a line is time|callid|queuename|agent|event followed by the event's parameters, nothing more")
    func lineForm() {
        let event = QueueLogEvent(time: Date(unixMilliseconds: 1_366_720_340_999), callID: "a@pstn", queue: "MYQUEUE", agent: "alice",
                                  event: .ringNoAnswer, data: ["1000"])
        #expect(event.line == "1366720340|a@pstn|MYQUEUE|alice|RINGNOANSWER|1000")
        #expect(QueueLogEvent(time: instant(0), queue: "support", agent: "bob", event: .addMember).line == "1790000000|NONE|support|bob|ADDMEMBER")
        #expect(QueueLogEvent(time: instant(0), callID: "x", queue: "q", event: .enterQueue, data: ["", "+1555", "1"]).line
            == "1790000000|x|q|NONE|ENTERQUEUE||+1555|1")
    }

    @Test("a separator or a line break inside a value cannot add a field or a line")
    func sanitized() {
        let event = QueueLogEvent(time: instant(0), callID: "evil|id\r\nx", queue: "q", event: .enterQueue, data: ["", "+1|2\n", "1"])
        #expect(event.line == "1790000000|evil id  x|q|NONE|ENTERQUEUE||+1 2 |1")
        #expect(event.line.split(separator: "|", omittingEmptySubsequences: false).count == 8)
    }

    @Test("events read back oldest first from the time asked, and export as one line each")
    func storedAndExported() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let events = [
            QueueLogEvent(time: instant(0), callID: "a", queue: "support", event: .enterQueue, data: ["", "+15551230001", "1"]),
            QueueLogEvent(time: instant(2), callID: "a", queue: "support", agent: "alice", event: .connect, data: ["2", "", "1"]),
            QueueLogEvent(time: instant(2), callID: "b", queue: "support", event: .enterQueue, data: ["", "+15551230002", "1"]),
            QueueLogEvent(time: instant(9), callID: "a", queue: "support", agent: "alice", event: .completeCaller, data: ["2", "7", "1"]),
        ]
        try store.apply(events.map { .queueLog($0) })
        #expect(try store.queueLog(since: instant(0), limit: 100) == events)
        #expect(try store.queueLog(since: instant(1), limit: 100) == Array(events.dropFirst()))
        #expect(try store.queueLog(since: instant(0), limit: 2) == Array(events.prefix(2)))
        #expect(try store.queueLogText(since: instant(2), limit: 100) == """
            1790000002|a|support|alice|CONNECT|2||1
            1790000002|b|support|NONE|ENTERQUEUE||+15551230002|1
            1790000009|a|support|alice|COMPLETECALLER|2|7|1

            """)
    }

    @Test("the export streams the same text in chunks of whole lines")
    func export() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        try store.apply((0..<3_000).map { index in
            .queueLog(QueueLogEvent(time: instant(Int64(index)), callID: "call-\(index)", queue: "support", event: .enterQueue,
                                    data: ["", "+15551230001", "1"]))
        })
        var chunks: [String] = []
        try store.exportQueueLog(since: instant(1_000)) { chunks.append($0) }
        #expect(chunks.count > 1)
        #expect(chunks.allSatisfy { $0.hasSuffix("\n") })
        #expect(chunks.joined() == (try store.queueLogText(since: instant(1_000), limit: 10_000)))
        #expect(chunks.joined().split(separator: "\n").count == 2_000)
    }

    @Test("a batch's lines, many per statement, read back in the order they came, whatever their count",
          arguments: [1, 31, 33, 100, 127])
    func manyInOneBatch(count: Int) throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let events = (0..<count).map { index in
            QueueLogEvent(time: instant(Int64(index % 3)), callID: "call-\(index)", queue: "support", event: .connect,
                          data: Array(["\(index)", "", "\(index % 7)", "x", "y"].prefix(index % 6)))
        }
        try store.apply(events.map { .queueLog($0) } + [.call(completedCall("a", at: 0))])
        let oldestFirst = (0..<3).flatMap { time in events.indices.filter { $0 % 3 == time }.map { events[$0] } }
        #expect(try store.queueLog(since: instant(0), limit: 1_000) == oldestFirst)
    }

    @Test("more than five parameters are refused and the whole batch with them")
    func tooManyFields() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let wide = QueueLogEvent(time: instant(0), event: .pause, data: ["1", "2", "3", "4", "5", "6"])
        #expect(throws: (any Error).self) { try store.apply([.call(completedCall("a", at: 0)), .queueLog(wide)]) }
        #expect(try store.callRecords(matching: CallRecordQuery()).isEmpty)
    }
}
