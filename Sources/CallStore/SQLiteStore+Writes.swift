import Foundation
import GRDB

/// The two tables a call record lives in, one at a time: `open_call_records` while it is in progress
/// (`ended_at` NULL; a small table keyed by the call alone), `call_records` once it has ended (with
/// the indexes the queries use, so each ended call enters them once, with its final values).
enum CallRecordTable: String {
    /// Calls in progress.
    case open = "open_call_records"
    /// Calls that have ended.
    case ended = "call_records"

    /// The table a version of a record belongs in.
    init(of record: CallDetailRecord) {
        self = record.endedAt == nil ? .open : .ended
    }

    /// The other table.
    var other: CallRecordTable { self == .open ? .ended : .open }

    /// Inserts a record or, when the table holds the call already, updates it: every column from
    /// the new version but the caller number, the dialed number kept when the new one has none.
    var upsertSQL: String {
        switch self {
        case .open: Self.openUpsert
        case .ended: Self.endedUpsert
        }
    }

    /// Reads one call's caller and dialed numbers (a plain read: far cheaper than `DELETE … RETURNING`
    /// where, as for nearly every write, the call is not there).
    var findSQL: String {
        switch self {
        case .open: Self.openFind
        case .ended: Self.endedFind
        }
    }

    /// Deletes one call's row.
    var deleteSQL: String {
        switch self {
        case .open: Self.openDelete
        case .ended: Self.endedDelete
        }
    }

    private static let openUpsert = upsert(into: .open), endedUpsert = upsert(into: .ended)
    private static let openFind = "SELECT caller_number, dialed_number FROM open_call_records WHERE arrived_at = ? AND call_id = ?"
    private static let endedFind = "SELECT caller_number, dialed_number FROM call_records WHERE arrived_at = ? AND call_id = ?"
    private static let openDelete = "DELETE FROM open_call_records WHERE arrived_at = ? AND call_id = ?"
    private static let endedDelete = "DELETE FROM call_records WHERE arrived_at = ? AND call_id = ?"

    private static func upsert(into table: CallRecordTable) -> String {
        """
        INSERT INTO \(table.rawValue) (call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                                       ended_at, outcome, wait_seconds, talk_seconds, ended_by, cause)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (arrived_at, call_id) DO UPDATE SET
            dialed_number = COALESCE(excluded.dialed_number, dialed_number),
            queue = excluded.queue, agent = excluded.agent, first_offer_at = excluded.first_offer_at,
            answered_at = excluded.answered_at, ended_at = excluded.ended_at, outcome = excluded.outcome,
            wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds, ended_by = excluded.ended_by,
            cause = excluded.cause
        """
    }
}

/// The statements that write call records, each taken from the connection's statement cache once
/// per batch rather than once per record: the cache is keyed by the statement's text, which it
/// hashes whole (some 700 bytes for an upsert) at every lookup.
struct CallRecordStatements {
    /// What a statement does to one call's row.
    private enum Kind: Int {
        case find, delete, upsert
    }

    /// By table (open, then ended) and kind; nil until first used in the batch.
    private var taken: [Statement?] = Array(repeating: nil, count: 6)

    /// The statement that reads a call's numbers from `table`.
    mutating func find(in table: CallRecordTable, _ db: Database) throws -> Statement {
        try statement(.find, in: table, sql: table.findSQL, db)
    }

    /// The statement that deletes a call's row from `table`.
    mutating func delete(in table: CallRecordTable, _ db: Database) throws -> Statement {
        try statement(.delete, in: table, sql: table.deleteSQL, db)
    }

    /// The statement that inserts or updates a record in `table`.
    mutating func upsert(in table: CallRecordTable, _ db: Database) throws -> Statement {
        try statement(.upsert, in: table, sql: table.upsertSQL, db)
    }

    private mutating func statement(_ kind: Kind, in table: CallRecordTable, sql: String, _ db: Database) throws -> Statement {
        let index = (table == .open ? 0 : 3) + kind.rawValue
        if let statement = taken[index] { return statement }
        let statement = try db.cachedStatement(sql: sql)
        taken[index] = statement
        return statement
    }
}

extension SQLiteStore {
    /// Writes a version of a call's record into the table its state belongs in, taking the call out
    /// of the other one: an in-progress version goes to `open_call_records`, an ended one to
    /// `call_records`. The row taken out hands on its caller number, and its dialed number when the
    /// new version has none, as the upsert within one table keeps them, so the store ends as one
    /// upsert into one table would leave it.
    static func write(_ record: CallDetailRecord, in db: Database, statements: inout CallRecordStatements) throws {
        let table = CallRecordTable(of: record)
        let bindKey = { (row: inout SQLiteBinder) in
            row.bind(record.arrivedAt.unixMilliseconds)
            row.bind(record.callID)
        }
        let before = try SQLiteBinder.runReturning(statements.find(in: table.other, db), in: db, bindKey) { row in
            (callerNumber: row.text(0), dialedNumber: row.text(1))
        }
        if before != nil { try SQLiteBinder.run(statements.delete(in: table.other, db), in: db, bindKey) }
        let statement = try statements.upsert(in: table, db)
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(record.callID)
            row.bind(record.arrivedAt.unixMilliseconds)
            row.bind(before?.callerNumber ?? record.callerNumber)
            row.bind(record.dialedNumber ?? before?.dialedNumber)
            row.bind(record.queue)
            row.bind(record.agent)
            row.bind(record.firstOfferAt?.unixMilliseconds)
            row.bind(record.answeredAt?.unixMilliseconds)
            row.bind(record.endedAt?.unixMilliseconds)
            row.bind(record.outcome.rawValue)
            row.bind(record.waitSeconds)
            row.bind(record.talkSeconds)
            row.bind(record.endedBy?.rawValue)
            row.bind(record.cause)
        }
    }

    static func upsert(_ status: AgentStatusRecord, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO agent_status (agent, status, paused, reason, since, until) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(status.agent)
            row.bind(status.status.rawValue)
            row.bind(status.isPaused ? 1 : 0)
            row.bind(status.reason)
            row.bind(status.since.unixMilliseconds)
            row.bind(status.until?.unixMilliseconds)
        }
    }
}
