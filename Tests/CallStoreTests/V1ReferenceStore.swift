@testable import CallStore
import Foundation
import GRDB

/// The store as schema v1 kept it, the reference the current store is compared with: every change
/// applied on its own, in order, one statement per row, into the v1 tables (a call's record in
/// `call_records` from its arrival, upserted at each version); read with the v1 queries.
struct V1ReferenceStore {
    static let migration = "v1: call records, offer attempts, queue log, agent status"
    let pool: DatabasePool

    /// A v1 database at `path` (created, or opened when it is one).
    init(path: String) throws {
        pool = try DatabasePool(path: path)
        try SQLiteStore.migrator.migrate(pool, upTo: Self.migration)
    }

    func apply(_ changes: [StoreChange]) throws {
        try pool.write { db in
            for change in changes {
                switch change {
                case .call(let record): try db.execute(sql: Self.upsertCall, arguments: Self.arguments(record))
                case .offer(let offer): try db.execute(sql: Self.insertOffer, arguments: Self.arguments(offer))
                case .queueLog(let event): try db.execute(sql: Self.insertLine, arguments: Self.arguments(event))
                case .agentStatus(let status): try db.execute(sql: Self.upsertStatus, arguments: Self.arguments(status))
                case .callback, .callbackEnded: break
                }
            }
        }
    }

    func callRecords(matching query: CallRecordQuery) throws -> [CallDetailRecord] {
        var conditions = ["1"]
        var arguments = StatementArguments()
        if let from = query.from { conditions.append("arrived_at >= ?"); arguments += [from.unixMilliseconds] }
        if let to = query.to { conditions.append("arrived_at < ?"); arguments += [to.unixMilliseconds] }
        if let queue = query.queue { conditions.append("queue = ?"); arguments += [queue] }
        if let agent = query.agent { conditions.append("agent = ?"); arguments += [agent] }
        if let number = query.number { conditions.append("(caller_number = ? OR dialed_number = ?)"); arguments += [number, number] }
        arguments += [min(max(query.limit, 1), 100_000)]
        let sql = "SELECT * FROM call_records WHERE \(conditions.joined(separator: " AND ")) ORDER BY arrived_at DESC, call_id DESC LIMIT ?"
        return try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(SQLiteStore.callRecord) }
    }

    func offerAttempts(callID: String, arrivedAt: Date) throws -> [OfferAttempt] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM offer_attempts WHERE call_arrived_at = ? AND call_id = ? ORDER BY sequence",
                             arguments: [arrivedAt.unixMilliseconds, callID]).map(SQLiteStore.offerAttempt)
        }
    }

    func queueLog() throws -> [QueueLogEvent] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM queue_log ORDER BY time, id").map(SQLiteStore.queueLogEvent) }
    }

    func agentStatuses() throws -> [AgentStatusRecord] {
        try pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM agent_status ORDER BY agent").map(SQLiteStore.agentStatus) }
    }

    func closeInterruptedCalls(at now: Date) throws -> Int {
        try pool.write { db in
            try db.execute(sql: """
                UPDATE call_records SET ended_at = :end, outcome = 'interrupted', ended_by = 'switchboard', cause = 'restart',
                    wait_seconds = MAX(0, (COALESCE(answered_at, :end) - arrived_at) / 1000),
                    talk_seconds = CASE WHEN answered_at IS NULL THEN 0 ELSE MAX(0, (:end - answered_at) / 1000) END
                WHERE ended_at IS NULL
                """, arguments: ["end": now.unixMilliseconds])
            return db.changesCount
        }
    }

    private static let upsertCall = """
        INSERT INTO call_records (call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                                  ended_at, outcome, wait_seconds, talk_seconds, ended_by, cause)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (arrived_at, call_id) DO UPDATE SET
            dialed_number = COALESCE(excluded.dialed_number, dialed_number),
            queue = excluded.queue, agent = excluded.agent, first_offer_at = excluded.first_offer_at,
            answered_at = excluded.answered_at, ended_at = excluded.ended_at, outcome = excluded.outcome,
            wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds, ended_by = excluded.ended_by,
            cause = excluded.cause
        """
    private static let insertOffer = """
        INSERT OR REPLACE INTO offer_attempts (call_id, call_arrived_at, sequence, agent, offered_at, ringing_at, ended_at, result)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let insertLine = """
        INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let upsertStatus = "INSERT OR REPLACE INTO agent_status (agent, status, paused, reason, since, until) VALUES (?, ?, ?, ?, ?, ?)"

    private static func arguments(_ record: CallDetailRecord) -> StatementArguments {
        [record.callID, record.arrivedAt.unixMilliseconds, record.callerNumber, record.dialedNumber, record.queue, record.agent,
         record.firstOfferAt?.unixMilliseconds, record.answeredAt?.unixMilliseconds, record.endedAt?.unixMilliseconds,
         record.outcome.rawValue, record.waitSeconds, record.talkSeconds, record.endedBy?.rawValue, record.cause]
    }

    private static func arguments(_ offer: OfferAttempt) -> StatementArguments {
        [offer.callID, offer.callArrivedAt.unixMilliseconds, offer.sequence, offer.agent, offer.offeredAt.unixMilliseconds,
         offer.ringingAt?.unixMilliseconds, offer.endedAt.unixMilliseconds, offer.result.rawValue]
    }

    private static func arguments(_ event: QueueLogEvent) -> StatementArguments {
        let data = (0..<5).map { $0 < event.data.count ? event.data[$0] : nil }
        return [event.time.unixMilliseconds, event.callID, event.queue, event.agent, event.event.rawValue,
                data[0], data[1], data[2], data[3], data[4]]
    }

    private static func arguments(_ status: AgentStatusRecord) -> StatementArguments {
        [status.agent, status.status.rawValue, status.isPaused ? 1 : 0, status.reason, status.since.unixMilliseconds,
         status.until?.unixMilliseconds]
    }
}
