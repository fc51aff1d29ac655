import ACD
import CallStore
import Foundation
import Logging
@testable import Switchboard
import Testing

/// A `CallHarness` whose calls are recorded in a real SQLite store in a temporary folder.
struct StoredHarness {
    let harness: CallHarness
    let store: SQLiteStore
    let writer: StoreWriter
    let recorder: CallRecorder
    let directory: URL

    /// A harness whose recorder knows the statuses restored from an earlier run, with its store in
    /// `directory` (an earlier harness's, for a restart) or a new temporary folder.
    init(queues: ACDConfiguration = TestQueues.configuration, restored: [AgentStatusRecord] = [], directory: URL? = nil) throws {
        harness = try CallHarness(queues: queues)
        let directory = directory ?? FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString)")
        self.directory = directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteStore(path: directory.appendingPathComponent("switchboard.sqlite").path)
        writer = StoreWriter(store: store, flushInterval: .milliseconds(1), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        recorder = CallRecorder(writer: writer, configuration: queues, restored: restored)
        harness.distributor.recorder = recorder
        harness.log.forward = { [recorder] record in recorder.finished(record, at: ACDCallDistributor.date(CallHarness.epoch + record.endedAt)) }
    }

    /// Everything recorded so far: the call records (newest first), and the queue log lines.
    func stored() throws -> (calls: [CallDetailRecord], lines: [String]) {
        writer.flush()
        let lines = try store.queueLogText(since: .distantPast, limit: 1_000).split(separator: "\n").map(String.init)
        return (try store.callRecords(matching: CallRecordQuery()), lines)
    }

    /// The lines without their time, each checked against Asterisk's documented parameters first.
    func events() throws -> [String] {
        try stored().lines.map { line in
            #expect(AsteriskQueueLog.isWellFormed(line), "\(line)")
            return line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).last.map(String.init) ?? ""
        }
    }

    func remove() {
        writer.close()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Asterisk's queue_log line, as its documentation gives each event's parameters
/// (docs/storage.md lists them with the sources).
enum AsteriskQueueLog {
    /// What each parameter must be: a whole number, or any text.
    enum Field { case number, text }

    static let parameters: [String: [Field]] = [
        "ENTERQUEUE": [.text, .text, .number],            // url|callerid|origposition
        "CONNECT": [.number, .text, .number],             // holdtime|bridgedchanneluniqueid|ringtime
        "COMPLETECALLER": [.number, .number, .number],    // holdtime|calltime|origposition
        "COMPLETEAGENT": [.number, .number, .number],     // holdtime|calltime|origposition
        "ABANDON": [.number, .number, .number],           // position|origposition|waittime
        "RINGNOANSWER": [.number],                        // ringtime (ms)
        "RINGCANCELED": [],
        "EXITWITHTIMEOUT": [.number, .number, .number],   // position|origposition|waittime
        "EXITEMPTY": [.number, .number, .number],         // position|origposition|waittime
        "EXITWITHKEY": [.text, .number, .number, .number], // key|position|origposition|waittime
        "EXITOVERFLOW": [.text, .number, .number, .number], // Switchboard's: reason|position|origposition|waittime
        "CALLBACKREQUESTED": [.text, .number, .number, .number], // Switchboard's: key|position|origposition|waittime
        "CALLBACKNOANSWER": [.number, .text],             // Switchboard's: attempt|cause
        "CALLBACKFAILED": [.number, .number, .number],    // Switchboard's: attempts|origposition|waittime
        "ADDMEMBER": [],
        "REMOVEMEMBER": [],
        "PAUSE": [.text],                                 // reason
        "UNPAUSE": [.text],                               // reason
    ]

    /// Whether `line` is `time|callid|queuename|agent|event|params…` with the event's parameters.
    static func isWellFormed(_ line: String) -> Bool {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 5, Int(fields[0]) != nil, !fields[1].isEmpty, !fields[2].isEmpty, !fields[3].isEmpty,
              let expected = parameters[fields[4]], fields.count == 5 + expected.count else { return false }
        return zip(fields.dropFirst(5), expected).allSatisfy { value, kind in kind == .text || Int(value) != nil }
    }
}
