import Foundation
import GRDB

extension SQLiteStore {
    static func upsert(_ record: CallDetailRecord, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO call_records (call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                                      ended_at, outcome, wait_seconds, talk_seconds, ended_by, cause)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (arrived_at, call_id) DO UPDATE SET
                dialed_number = COALESCE(excluded.dialed_number, dialed_number),
                queue = excluded.queue, agent = excluded.agent, first_offer_at = excluded.first_offer_at,
                answered_at = excluded.answered_at, ended_at = excluded.ended_at, outcome = excluded.outcome,
                wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds, ended_by = excluded.ended_by,
                cause = excluded.cause
            """)
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(record.callID)
            row.bind(record.arrivedAt.unixMilliseconds)
            row.bind(record.callerNumber)
            row.bind(record.dialedNumber)
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

    static func insert(_ attempt: OfferAttempt, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO offer_attempts (call_id, call_arrived_at, sequence, agent, offered_at, ringing_at, ended_at, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try SQLiteBinder.run(statement, in: db) { row in
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

    static func insert(_ event: QueueLogEvent, in db: Database) throws {
        guard event.data.count <= 5 else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "queue_log holds at most 5 data fields, \(event.event.rawValue) has \(event.data.count)")
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try SQLiteBinder.run(statement, in: db) { row in
            row.bind(event.time.unixMilliseconds)
            row.bind(event.callID)
            row.bind(event.queue)
            row.bind(event.agent)
            row.bind(event.event.rawValue)
            for field in 0..<5 { row.bind(field < event.data.count ? event.data[field] : nil) }
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
