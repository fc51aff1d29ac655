import Foundation
import GRDB

/// The store in one SQLite file through GRDB: a `DatabasePool` in WAL mode with
/// `synchronous = NORMAL`, so readers (queries) never wait for the writer and a commit survives
/// the process being killed (it is in the WAL file once `apply` returns); a power loss may take
/// back the commits since the last checkpoint. Each connection gets a 4 MB page cache and no
/// memory-mapped reads, so the daemon's resident size does not grow with the file; the writer
/// checkpoints every 10,000 WAL pages. The schema and its
/// migrations are in `SQLiteStore+Schema.swift`.
public final class SQLiteStore: ContactCenterStore, Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.label = "switchboard.store"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -4096")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try Self.migrator.migrate(pool)
    }

    /// The migrations applied so far, oldest first (for tests and diagnostics).
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// Applies the changes in one write transaction, as applying them one by one in order would:
    /// each call record version into the table its state belongs in (`SQLiteStore+Writes.swift`),
    /// agent statuses and pending callbacks as they come (`SQLiteStore+Callbacks.swift`), then the offers and the queue log lines in their order, many
    /// rows per statement (`SQLiteStore+Appends.swift`); those tables are written by nothing else
    /// in the batch, so writing them last changes nothing.
    public func apply(_ changes: [StoreChange]) throws {
        guard !changes.isEmpty else { return }
        try pool.write { db in
            var offers: [OfferAttempt] = [], lines: [QueueLogEvent] = []
            var statements = CallRecordStatements()
            for change in changes {
                switch change {
                case .call(let record): try Self.write(record, in: db, statements: &statements)
                case .offer(let attempt): offers.append(attempt)
                case .queueLog(let event): lines.append(event)
                case .agentStatus(let status): try Self.upsert(status, in: db)
                case .callback(let callback): try Self.upsert(callback, in: db)
                case .callbackEnded(let callID, let arrivedAt): try Self.deleteCallback(callID: callID, arrivedAt: arrivedAt, in: db)
                }
            }
            try Self.insert(offers, in: db)
            try Self.insert(lines, in: db)
        }
    }

    /// Closes the call records left open as `interrupted`, ended at `now` by Switchboard: moves them
    /// from `open_call_records` to `call_records`; the records of pending callbacks stay open.
    public func closeInterruptedCalls(at now: Date) throws -> Int {
        let end = now.unixMilliseconds
        return try pool.write { db in
            try db.execute(sql: """
                INSERT INTO call_records (call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                                          ended_at, outcome, wait_seconds, talk_seconds, ended_by, cause)
                SELECT call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                       :end, 'interrupted', MAX(0, (COALESCE(answered_at, :end) - arrived_at) / 1000),
                       CASE WHEN answered_at IS NULL THEN 0 ELSE MAX(0, (:end - answered_at) / 1000) END, 'switchboard', 'restart'
                FROM open_call_records WHERE \(Self.withoutCallback)
                """, arguments: ["end": end])
            let closed = db.changesCount
            try db.execute(sql: "DELETE FROM open_call_records WHERE \(Self.withoutCallback)")
            return closed
        }
    }
}
