import Foundation
import GRDB

/// Pending callbacks in `pending_callbacks`: one row per callback entry, keyed as its call's record
/// (arrival, Call-ID), written through the same batches as the records, so an entry and its record
/// reach the disk in one transaction's order.
extension SQLiteStore {
    /// The condition that keeps an open record of a pending callback out of the start-up closing.
    static let withoutCallback = """
        NOT EXISTS (SELECT 1 FROM pending_callbacks AS p WHERE p.arrived_at = open_call_records.arrived_at
                                                         AND p.call_id = open_call_records.call_id)
        """

    static func upsert(_ callback: PendingCallback, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO pending_callbacks (arrived_at, call_id, queue, caller_number, dialed_number, trunk, priority,
                                                      required_skills, place_taken_at, entered_queue_at, original_position,
                                                      attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(callback.arrivedAt.unixMilliseconds)
            row.bind(callback.callID)
            row.bind(callback.queue)
            row.bind(callback.callerNumber)
            row.bind(callback.dialedNumber)
            row.bind(callback.trunk)
            row.bind(callback.priority)
            row.bind(callback.skillsText)
            row.bind(callback.placeTakenAt.unixMilliseconds)
            row.bind(callback.enteredQueueAt.unixMilliseconds)
            row.bind(callback.originalPosition)
            row.bind(callback.attempts)
            row.bind(callback.nextAttemptAt?.unixMilliseconds)
        }
    }

    static func deleteCallback(callID: String, arrivedAt: Date, in db: Database) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM pending_callbacks WHERE arrived_at = ? AND call_id = ?")
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(arrivedAt.unixMilliseconds)
            row.bind(callID)
        }
    }

    /// The pending callbacks whose record is still open, oldest place first (then arrival and
    /// Call-ID); rows whose record was closed (or never written) are deleted.
    public func pendingCallbacks() throws -> [PendingCallback] {
        try pool.write { db in
            try db.execute(sql: """
                DELETE FROM pending_callbacks WHERE NOT EXISTS (
                    SELECT 1 FROM open_call_records AS o WHERE o.arrived_at = pending_callbacks.arrived_at
                                                           AND o.call_id = pending_callbacks.call_id)
                """)
            return try Row.fetchAll(db, sql: "SELECT * FROM pending_callbacks ORDER BY place_taken_at, arrived_at, call_id")
                .map(Self.pendingCallback)
        }
    }

    static func pendingCallback(_ row: Row) -> PendingCallback {
        PendingCallback(
            callID: row["call_id"], arrivedAt: Date(unixMilliseconds: row["arrived_at"]), queue: row["queue"],
            callerNumber: row["caller_number"], dialedNumber: row["dialed_number"], trunk: row["trunk"], priority: row["priority"],
            requiredSkills: PendingCallback.skills(from: row["required_skills"]),
            placeTakenAt: Date(unixMilliseconds: row["place_taken_at"]), enteredQueueAt: Date(unixMilliseconds: row["entered_queue_at"]),
            originalPosition: row["original_position"], attempts: row["attempts"],
            nextAttemptAt: (row["next_attempt_at"] as Int64?).map { Date(unixMilliseconds: $0) })
    }
}
