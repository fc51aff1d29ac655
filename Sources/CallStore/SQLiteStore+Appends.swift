import Foundation
import GRDB

/// A batch's appended rows (offer attempts, queue log lines) written with multi-row `VALUES`:
/// one statement carries up to 32 rows, so a batch of a few hundred rows runs a handful of
/// statements instead of one per row. Rows keep their order (SQLite inserts `VALUES` rows in turn).
struct RowAppender: Sendable {
    /// `INSERT … VALUES` of 32 rows, then 16, 8, 4, 2 and 1 row: the statements a table's rows are
    /// written with, largest first, so at most six are cached per table and at most five run for
    /// what is left after the 32-row ones.
    private let statements: [(rows: Int, sql: String)]

    /// The statements for `insert` (`INSERT INTO table (columns…)`) with `columns` values per row.
    init(_ insert: String, columns: Int) {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        statements = [32, 16, 8, 4, 2, 1].map { count in
            (rows: count, sql: insert + " VALUES " + Array(repeating: row, count: count).joined(separator: ", "))
        }
    }

    /// Writes `rows` in order, `bind` binding one row's `columns` values.
    func append<Row>(_ rows: [Row], in db: Database, bind: (inout SQLiteBinder, Row) -> Void) throws {
        var start = rows.startIndex
        for (count, sql) in statements {
            while rows.endIndex - start >= count {
                let statement = try db.cachedStatement(sql: sql)
                try SQLiteBinder.run(statement, in: db) { binder in
                    for row in rows[start..<start + count] { bind(&binder, row) }
                }
                start += count
            }
        }
    }
}

extension SQLiteStore {
    private static let offers = RowAppender("""
        INSERT OR REPLACE INTO offer_attempts (call_id, call_arrived_at, sequence, agent, offered_at, ringing_at, ended_at, result)
        """, columns: 8)
    private static let queueLogLines = RowAppender("""
        INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)
        """, columns: 10)

    /// Writes resolved offers, in order (a later offer of the same call and sequence replaces an earlier one).
    static func insert(_ attempts: [OfferAttempt], in db: Database) throws {
        try offers.append(attempts, in: db) { row, attempt in
            row.bind(attempt.callID)
            row.bind(attempt.callArrivedAt.unixMilliseconds)
            row.bind(attempt.sequence)
            row.bind(attempt.agent)
            row.bind(attempt.offeredAt.unixMilliseconds)
            row.bind(attempt.ringingAt?.unixMilliseconds)
            row.bind(attempt.endedAt.unixMilliseconds)
            row.bind(attempt.result.rawValue)
        }
    }

    /// Appends queue log events, in order; refuses them all when one has more than five data fields.
    static func insert(_ events: [QueueLogEvent], in db: Database) throws {
        if let event = events.first(where: { $0.data.count > 5 }) {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "queue_log holds at most 5 data fields, \(event.event.rawValue) has \(event.data.count)")
        }
        try queueLogLines.append(events, in: db) { row, event in
            row.bind(event.time.unixMilliseconds)
            row.bind(event.callID)
            row.bind(event.queue)
            row.bind(event.agent)
            row.bind(event.event.rawValue)
            for field in 0..<5 { row.bind(field < event.data.count ? event.data[field] : nil) }
        }
    }
}
