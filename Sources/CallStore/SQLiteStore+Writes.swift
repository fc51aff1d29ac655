import Foundation
import GRDB

extension SQLiteStore {
    static func upsert(_ record: CallDetailRecord, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO call_records (call_id, arrived_at, caller_number, dialed_number, queue, agent, first_offer_at, answered_at,
                                      ended_at, outcome, wait_seconds, talk_seconds, ended_by, cause)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (call_id, arrived_at) DO UPDATE SET
                caller_number = excluded.caller_number, dialed_number = COALESCE(excluded.dialed_number, dialed_number),
                queue = excluded.queue, agent = excluded.agent, first_offer_at = excluded.first_offer_at,
                answered_at = excluded.answered_at, ended_at = excluded.ended_at, outcome = excluded.outcome,
                wait_seconds = excluded.wait_seconds, talk_seconds = excluded.talk_seconds, ended_by = excluded.ended_by,
                cause = excluded.cause
            """)
        try statement.execute(arguments: [
            record.callID, record.arrivedAt.unixMilliseconds, record.callerNumber, record.dialedNumber, record.queue, record.agent,
            record.firstOfferAt?.unixMilliseconds, record.answeredAt?.unixMilliseconds, record.endedAt?.unixMilliseconds,
            record.outcome.rawValue, record.waitSeconds, record.talkSeconds, record.endedBy?.rawValue, record.cause,
        ])
    }

    static func insert(_ attempt: OfferAttempt, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO offer_attempts (call_id, call_arrived_at, sequence, agent, offered_at, ringing_at, ended_at, result)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            attempt.callID, attempt.callArrivedAt.unixMilliseconds, attempt.sequence, attempt.agent,
            attempt.offeredAt.unixMilliseconds, attempt.ringingAt?.unixMilliseconds, attempt.endedAt.unixMilliseconds,
            attempt.result.rawValue,
        ])
    }

    static func insert(_ event: QueueLogEvent, in db: Database) throws {
        guard event.data.count <= 5 else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "queue_log holds at most 5 data fields, \(event.event.rawValue) has \(event.data.count)")
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let data = (0..<5).map { $0 < event.data.count ? event.data[$0] : nil }
        try statement.execute(arguments: [
            event.time.unixMilliseconds, event.callID, event.queue, event.agent, event.event.rawValue,
            data[0], data[1], data[2], data[3], data[4],
        ])
    }

    static func upsert(_ status: AgentStatusRecord, in db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO agent_status (agent, status, paused, reason, since, until) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            status.agent, status.status.rawValue, status.isPaused, status.reason, status.since.unixMilliseconds,
            status.until?.unixMilliseconds,
        ])
    }
}
