import CallStore
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// A store that records the batches it is given, and can hold the writer inside `apply` or refuse.
final class RecordingStore: ContactCenterStore, @unchecked Sendable {
    private let lock = NIOLock()
    private var recorded: [[StoreChange]] = []
    private let gate = NSCondition()
    private var held = false
    private var inside = false
    var refuses = false

    var batches: [[StoreChange]] { lock.withLock { recorded } }

    func hold() { gate.lock(); held = true; gate.unlock() }

    func release() { gate.lock(); held = false; gate.broadcast(); gate.unlock() }

    /// Waits until the writer is inside `apply` (held there).
    func waitUntilInside() { gate.lock(); while !inside { gate.wait() }; gate.unlock() }

    func apply(_ changes: [StoreChange]) throws {
        gate.lock()
        inside = true
        gate.broadcast()
        while held { gate.wait() }
        gate.unlock()
        if refuses { throw CocoaError(.fileWriteOutOfSpace) }
        lock.withLock { recorded.append(changes) }
    }

    func callRecords(matching query: CallRecordQuery) throws -> [CallDetailRecord] { [] }
    func offerAttempts(callID: String, arrivedAt: Date) throws -> [OfferAttempt] { [] }
    func queueLog(since: Date, limit: Int) throws -> [QueueLogEvent] { [] }
    func agentStatuses() throws -> [AgentStatusRecord] { [] }
    func closeInterruptedCalls(at now: Date) throws -> Int { 0 }
    func pendingCallbacks() throws -> [PendingCallback] { [] }
}

@Suite("Store writer: batches off the loop, bounded, never silent")
struct StoreWriterTests {
    private static let logger = Logger(label: "test")

    private static func change(_ index: Int) -> StoreChange {
        .queueLog(QueueLogEvent(time: instant(Int64(index)), callID: "\(index)", event: .enterQueue))
    }

    @Test("changes are written in order, several per transaction, and flush waits for them")
    func batchesInOrder() {
        let store = RecordingStore()
        let writer = StoreWriter(store: store, flushInterval: .milliseconds(50), logger: Self.logger)
        defer { writer.close() }
        for index in 0..<1_000 { writer.append(Self.change(index)) }
        writer.flush()
        #expect(store.batches.flatMap { $0 } == (0..<1_000).map(Self.change))
        #expect(store.batches.count < 1_000)
        #expect(writer.droppedChanges == 0)
    }

    @Test("the first change after an idle spell is written at once; those after a commit wait for the next batch")
    func idleThenBatched() {
        let store = RecordingStore()
        let writer = StoreWriter(store: store, flushInterval: .seconds(3_600), logger: Self.logger)
        defer { writer.close() }
        writer.append(Self.change(0))
        let deadline = Date().addingTimeInterval(30)
        while store.batches.isEmpty, Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        #expect(store.batches == [[Self.change(0)]])
        for index in 1...3 { writer.append(Self.change(index)) }
        #expect(store.batches.count == 1)
        writer.flush()
        #expect(store.batches == [[Self.change(0)], (1...3).map(Self.change)])
    }

    @Test("a writer held up past its capacity drops the excess, counts it, and goes on once it catches up")
    func boundedAndCounted() {
        let store = RecordingStore()
        let writer = StoreWriter(store: store, flushInterval: .milliseconds(1), capacity: 10, logger: Self.logger)
        defer { writer.close() }
        store.hold()
        writer.append(Self.change(0))
        store.waitUntilInside()
        for index in 1...15 { writer.append(Self.change(index)) }
        #expect(writer.droppedChanges == 5)
        store.release()
        writer.flush()
        writer.append(Self.change(16))
        writer.flush()
        #expect(store.batches.flatMap { $0 } == ([0] + Array(1...10) + [16]).map(Self.change))
        #expect(writer.droppedChanges == 5)
    }

    @Test("a batch the store refuses is counted as dropped")
    func refusedBatch() {
        let store = RecordingStore()
        store.refuses = true
        let writer = StoreWriter(store: store, flushInterval: .milliseconds(1), logger: Self.logger)
        defer { writer.close() }
        for index in 0..<3 { writer.append(Self.change(index)) }
        writer.flush()
        #expect(writer.droppedChanges == 3)
    }

    @Test("close writes what is pending; appends after it are dropped and counted")
    func closeDrains() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let store = try temporary.open()
        let writer = StoreWriter(store: store, flushInterval: .milliseconds(1_000), logger: Self.logger)
        writer.append(.call(completedCall("a", at: 0)))
        writer.close()
        #expect(try store.callRecords(matching: CallRecordQuery()).map(\.callID) == ["a"])
        writer.append(.call(completedCall("b", at: 1)))
        #expect(writer.droppedChanges == 1)
    }

    #if os(Linux)
    @Test("the writer's thread carries its name where the kernel shows threads (top -H, /proc)")
    func threadName() throws {
        #expect(try !Self.writerThreadStats().isEmpty)
    }

    @Test("the writer's thread runs below the event loops: every thread by its name has the writer's nice value")
    func niceness() throws {
        let stats = try Self.writerThreadStats()
        #expect(!stats.isEmpty)
        for stat in stats {
            // pid (comm) state and 16 more fields, then the nice value (proc(5), field 19).
            let fields = stat[stat.index(after: try #require(stat.lastIndex(of: ")")))...].split(separator: " ")
            #expect(Int32(fields[16]) == StoreWriter.niceness)
        }
        #expect(StoreWriter.niceness > 0)
    }

    /// The status lines (/proc/self/task/ID/stat) of this process's threads the kernel names as the
    /// writer's, read while a writer of this test has written a batch and still runs; a thread that
    /// ends meanwhile (another test's writer) is left out.
    private static func writerThreadStats() throws -> [String] {
        let writer = StoreWriter(store: RecordingStore(), flushInterval: .milliseconds(1), logger: logger)
        defer { writer.close() }
        writer.append(.call(completedCall("a", at: 0)))
        writer.flush()
        return try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").compactMap { task in
            guard (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8)) == StoreWriter.threadName + "\n"
            else { return nil }
            return try? String(contentsOfFile: "/proc/self/task/\(task)/stat", encoding: .utf8)
        }
    }
    #endif
}
