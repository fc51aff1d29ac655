import CallStore
import ControlAPI
import ControlModel
import Foundation
import Logging
import NIOPosix
@testable import Switchboard
import Testing
import YAMLConfiguration

/// The daemon's side of `GET /v1/call-records` and `GET /v1/queue-log`: ``SwitchboardControl`` over a
/// coordinator whose call store is a real SQLite file in a temporary folder (`switchboard.sqlite`
/// next to the configuration, which is read as if it were there).
@Suite("Control API history from the daemon's call store")
struct ControlHistoryTests {
    /// `2026-12-01T10:00:00Z` plus `milliseconds`.
    private static func instant(_ milliseconds: Int64) -> Date { Date(unixMilliseconds: 1_796_119_200_000 + milliseconds) }

    /// Three calls: c1 answered by bob after alice refused, c2 abandoned in sales, c3 answered by alice.
    private static let changes: [StoreChange] = [
        .call(CallDetailRecord(callID: "c1", callerNumber: "+4930111", dialedNumber: "+15550100", queue: "support", agent: "bob",
                               arrivedAt: instant(0), firstOfferAt: instant(120), answeredAt: instant(5_250), endedAt: instant(65_750),
                               outcome: .completed, endedBy: .caller, cause: "BYE")),
        .offer(OfferAttempt(callID: "c1", callArrivedAt: instant(0), sequence: 1, agent: "alice", offeredAt: instant(120), ringingAt: nil,
                            endedAt: instant(300), result: .busy)),
        .offer(OfferAttempt(callID: "c1", callArrivedAt: instant(0), sequence: 2, agent: "bob", offeredAt: instant(400),
                            ringingAt: instant(900), endedAt: instant(5_250), result: .answered)),
        .call(CallDetailRecord(callID: "c2", callerNumber: "+4930222", dialedNumber: "+15550300", queue: "sales", arrivedAt: instant(60_000),
                               endedAt: instant(90_000), outcome: .abandoned, endedBy: .caller, cause: "CANCEL")),
        .call(CallDetailRecord(callID: "c3", callerNumber: "+4930333", dialedNumber: "+15550100", queue: "support", agent: "alice",
                               arrivedAt: instant(120_000), answeredAt: instant(121_000), outcome: .inProgress)),
        .queueLog(QueueLogEvent(time: instant(0), callID: "c1", queue: "support", event: .enterQueue, data: ["", "+4930111", "1"])),
        .queueLog(QueueLogEvent(time: instant(300), callID: "c1", queue: "support", agent: "alice", event: .ringNoAnswer, data: ["180"])),
        .queueLog(QueueLogEvent(time: instant(5_250), callID: "c1", queue: "support", agent: "bob", event: .connect, data: ["5", "", "0"])),
    ]

    @Test("records newest first with their offers, each filter, and the queue log as events and lines")
    func history() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("control-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try SwitchboardConfiguration.parse(yaml: ControlEndToEndTests.yaml, directory: directory.path, environment: [:])
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let coordinator = try await SwitchboardCoordinator.start(configuration: configuration, eventLoop: group.next(), httpClient: .shared,
                                                                 logger: Logger(label: "control-history") { _ in SwiftLogNoOpLogHandler() })
        try coordinator.store.apply(Self.changes)
        let surface = SwitchboardControl(coordinator: coordinator, drain: DrainTrigger(),
                                         reloader: ConfigurationReloader(path: "/nonexistent.yaml", coordinator: coordinator,
                                                                         logger: Logger(label: "control-history") { _ in SwiftLogNoOpLogHandler() }))

        let all = try await surface.callRecords(CallRecordFilter())
        #expect(all.map(\.callID) == ["c3", "c2", "c1"])
        let c1 = try #require(all.last)
        #expect(c1 == CallRecordView(
            callID: "c1", callerNumber: "+4930111", dialedNumber: "+15550100", queue: "support", agent: "bob", arrivedAt: "2026-12-01T10:00:00.000Z",
            firstOfferAt: "2026-12-01T10:00:00.120Z", answeredAt: "2026-12-01T10:00:05.250Z", endedAt: "2026-12-01T10:01:05.750Z",
            outcome: "completed", endedBy: "caller", cause: "BYE", waitSeconds: 5, talkSeconds: 60, offers: [
                OfferAttemptView(sequence: 1, agent: "alice", offeredAt: "2026-12-01T10:00:00.120Z", ringingAt: nil,
                                 endedAt: "2026-12-01T10:00:00.300Z", result: "busy"),
                OfferAttemptView(sequence: 2, agent: "bob", offeredAt: "2026-12-01T10:00:00.400Z", ringingAt: "2026-12-01T10:00:00.900Z",
                                 endedAt: "2026-12-01T10:00:05.250Z", result: "answered"),
            ]))
        #expect(all[0].outcome == "inProgress" && all[0].endedAt == nil && all[0].talkSeconds == nil && all[0].offers.isEmpty)

        let filtered: [(CallRecordFilter, [String])] = [
            (CallRecordFilter(since: Self.instant(60_000)), ["c3", "c2"]),
            (CallRecordFilter(until: Self.instant(60_000)), ["c1"]),
            (CallRecordFilter(queue: "support"), ["c3", "c1"]),
            (CallRecordFilter(agent: "alice"), ["c3"]),
            (CallRecordFilter(number: "+15550300"), ["c2"]),
            (CallRecordFilter(number: "+4930111"), ["c1"]),
            (CallRecordFilter(limit: 2), ["c3", "c2"]),
            (CallRecordFilter(queue: "nowhere"), []),
        ]
        for (filter, expected) in filtered {
            #expect(try await surface.callRecords(filter).map(\.callID) == expected, "\(filter)")
        }

        let events = try await surface.queueLog(QueueLogQuery(since: Self.instant(300), limit: 2))
        #expect(events.map(\.time) == ["2026-12-01T10:00:00.300Z", "2026-12-01T10:00:05.250Z"])
        #expect(events.map(\.line) == ["1796119200|c1|support|alice|RINGNOANSWER|180", "1796119205|c1|support|bob|CONNECT|5||0"])
        #expect(events[1].data == ["5", "", "0"] && events[1].agent == "bob" && events[1].event == "CONNECT")
        #expect(try await surface.queueLog(QueueLogQuery(since: nil, limit: 10)).first?.event == "ENTERQUEUE")

        await coordinator.transport.stop()
        try await coordinator.stop()
        try await group.shutdownGracefully()
    }

    @Test("a store that cannot be read: 503 with the store's error")
    func unreadableStore() async throws {
        let history = CallHistory(store: BrokenStore())
        await #expect(throws: ControlError.unavailable("the call store could not be read: disk I/O error")) {
            _ = try await history.records(CallRecordFilter())
        }
        await #expect(throws: ControlError.unavailable("the call store could not be read: disk I/O error")) {
            _ = try await history.queueLog(QueueLogQuery())
        }
    }
}

/// A store whose every read fails.
private struct BrokenStore: ContactCenterStore {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "disk I/O error" }
    }

    func apply(_ changes: [StoreChange]) throws { throw Failure() }
    func callRecords(matching query: CallRecordQuery) throws -> [CallDetailRecord] { throw Failure() }
    func offerAttempts(callID: String, arrivedAt: Date) throws -> [OfferAttempt] { throw Failure() }
    func queueLog(since: Date, limit: Int) throws -> [QueueLogEvent] { throw Failure() }
    func agentStatuses() throws -> [AgentStatusRecord] { throw Failure() }
    func closeInterruptedCalls(at now: Date) throws -> Int { throw Failure() }
    func pendingCallbacks() throws -> [PendingCallback] { throw Failure() }
}
