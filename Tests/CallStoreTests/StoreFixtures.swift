import CallStore
import Foundation

/// A store in a new temporary folder, removed with the folder at the end of the test.
struct TemporaryStore {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("callstore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("switchboard.sqlite").path
    }

    func open() throws -> SQLiteStore { try SQLiteStore(path: path) }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Instants a fixed distance from one base, in whole milliseconds as the store keeps them.
func instant(_ seconds: Int64) -> Date { Date(unixMilliseconds: 1_790_000_000_000 + seconds * 1_000) }

/// A completed call record with every field set.
func completedCall(_ callID: String, at seconds: Int64, queue: String = "support", agent: String = "alice",
                   caller: String = "+15551230001", dialed: String = "+15550100") -> CallDetailRecord {
    CallDetailRecord(callID: callID, callerNumber: caller, dialedNumber: dialed, queue: queue, agent: agent,
                     arrivedAt: instant(seconds), firstOfferAt: instant(seconds + 1), answeredAt: instant(seconds + 5),
                     endedAt: instant(seconds + 65), outcome: .completed, endedBy: .caller, cause: "BYE")
}
