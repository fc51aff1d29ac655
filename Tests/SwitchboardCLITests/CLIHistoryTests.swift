import ArgumentParser
import ControlModel
import Foundation
@testable import SwitchboardCLI
import SwitchboardTestKit
import Testing

@Suite("switchboard cdr and queue-log: flags, times, table, paging")
struct CLIHistoryTests {
    private let environment = ["HOME": "/nonexistent", "SWITCHBOARD_URL": "http://127.0.0.1:1"]

    @Test("cdr takes every filter")
    func cdrFlags() throws {
        let command = try #require(try SwitchboardCommand.parseAsRoot([
            "cdr", "--since", "1h", "--until", "2026-12-05T10:00:00Z", "--queue", "support", "--agent", "alice", "--number", "+4930111",
            "--limit", "5", "--json",
        ]) as? CDRCommand)
        #expect(command.since == .ago(seconds: 3_600) && command.until == .at(unixMilliseconds: 1_796_464_800_000))
        #expect(command.queue == "support" && command.agent == "alice" && command.number == "+4930111" && command.limit == 5)
        #expect(command.connection.json)
        let log = try #require(try SwitchboardCommand.parseAsRoot(["queue-log", "--since", "2d"]) as? QueueLogCommand)
        #expect(log.since == .ago(seconds: 172_800) && !log.connection.json)
    }

    @Test("durations ago and ISO 8601 times", arguments: [
        ("90s", TimeBound.ago(seconds: 90)), ("30m", .ago(seconds: 1_800)), ("1h", .ago(seconds: 3_600)), ("2d", .ago(seconds: 172_800)),
        ("2026-12-05T11:00:00+01:00", .at(unixMilliseconds: 1_796_464_800_000)), ("2026-12-05T10:00:00.5Z", .at(unixMilliseconds: 1_796_464_800_500)),
    ])
    func times(text: String, bound: TimeBound) throws {
        #expect(try TimeBound(parsing: text) == bound)
    }

    @Test("the API gets UTC to the millisecond: a duration ago counts back from now")
    func apiValue() {
        let now = Date(timeIntervalSince1970: 1_796_493_000.25)
        #expect(TimeBound.ago(seconds: 1_800).apiValue(now: now) == "2026-12-05T17:20:00.250Z")
        #expect(TimeBound.at(unixMilliseconds: 1_796_464_800_000).apiValue(now: now) == "2026-12-05T10:00:00.000Z")
    }

    @Test("a bad value exits 2 with what is wrong", arguments: [
        (["cdr", "--since", "1y"], "expected a duration ago such as 30m, 1h or 2d, or an ISO 8601 time such as 2026-12-05T10:00:00Z, got \"1y\""),
        (["cdr", "--until", "yesterday"], "got \"yesterday\""),
        (["cdr", "--since", "0m"], "a duration ago must be from 1s to 36600d, got \"0m\""),
        (["cdr", "--since", "99999999d"], "a duration ago must be from 1s to 36600d"),
        (["cdr", "--since=-5m"], "got \"-5m\""),
        (["cdr", "--limit", "0"], "--limit must be from 1 to 1000, got 0"),
        (["cdr", "--limit", "1001"], "--limit must be from 1 to 1000, got 1001"),
        (["cdr", "--queue", ""], "--queue must not be empty"),
        (["cdr", "--since", "1h", "--until", "2h"], "--until must be later than --since"),
        (["queue-log", "--since", "2026-12-05"], "got \"2026-12-05\""),
        (["queue-log", "--limit", "5"], "--limit"),
    ])
    func usage(arguments: [String], fragment: String) async {
        let outcome = await SwitchboardCLI.run(arguments, environment: environment)
        #expect(outcome.exitCode == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.contains(fragment), "\(outcome.error)")
    }

    @Test("cdr: one row per call, newest first, durations for people")
    func table() {
        #expect(Render.callRecords(FakeControlSurface.records) == """
            TIME                  CALLER    QUEUE    AGENT  OUTCOME    WAIT  TALK   HUNG UP BY  CALL
            2026-12-05T17:50:00Z  +4930111  support  bob    completed  4s    3m06s  agent       c0
            2026-12-05T16:10:00Z  +4930222  sales    alice  abandoned  40s   0s     caller      c8
            2026-12-05T09:00:00Z  +4930111  support  alice  completed  7s    5m00s  caller      c7

            """)
        #expect(Render.callRecords([]) == "no call records\n")
    }

    @Test("queue-log reads page after page, each event once, even where a page ends inside a millisecond; a page of one millisecond is an error")
    func paging() async throws {
        let times = ["10:00:00.001", "10:00:00.001", "10:00:00.002", "10:00:00.002", "10:00:00.003", "10:00:00.004", "10:00:00.004",
                     "10:00:00.005"].map { "2026-12-05T\($0)Z" }
        let log = times.enumerated().map { index, time in
            QueueLogEntryView(time: time, callID: "c\(index)", queue: "support", agent: "NONE", event: "ENTERQUEUE", data: [], line: "\(index)")
        }
        for pageSize in [3, 4, 8, 9] {
            let requests = RequestLog()
            let read = try await QueueLogPages.collect(since: nil, pageSize: pageSize) { since, limit in
                await requests.add(since)
                return Array(log.filter { $0.time >= (since ?? "") }.prefix(limit))
            }
            #expect(read.map(\.line) == log.map(\.line), "page size \(pageSize)")
            #expect(await requests.count >= (log.count + pageSize - 1) / pageSize)
        }
        let crowded = Array(log.prefix(2))
        await #expect(throws: CLIError.unreadableAnswer("2 or more queue log events share the millisecond 2026-12-05T10:00:00.001Z; cannot page past them")) {
            _ = try await QueueLogPages.collect(since: nil, pageSize: 2) { since, limit in
                Array(crowded.filter { $0.time >= (since ?? "") }.prefix(limit))
            }
        }
    }
}

/// The `since` of every page asked for.
private actor RequestLog {
    private var sinces: [String?] = []
    var count: Int { sinces.count }
    func add(_ since: String?) { sinces.append(since) }
}
