import Foundation
import GRDB

extension SQLiteStore {
    /// The call records matching `query`, newest arrival first: the ended calls and those in
    /// progress, merged (SQLite reads both tables in key or index order and stops at the limit).
    public func callRecords(matching query: CallRecordQuery) throws -> [CallDetailRecord] {
        var conditions: [String] = []
        var arguments = StatementArguments()
        if let from = query.from {
            conditions.append("arrived_at >= ?")
            arguments += [from.unixMilliseconds]
        }
        if let to = query.to {
            conditions.append("arrived_at < ?")
            arguments += [to.unixMilliseconds]
        }
        if let queue = query.queue {
            conditions.append("queue = ?")
            arguments += [queue]
        }
        if let agent = query.agent {
            conditions.append("agent = ?")
            arguments += [agent]
        }
        if let number = query.number {
            conditions.append("(caller_number = ? OR dialed_number = ?)")
            arguments += [number, number]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let both = arguments + arguments + [min(max(query.limit, 1), 100_000)]
        return try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM call_records \(filter) UNION ALL SELECT * FROM open_call_records \(filter)
                ORDER BY arrived_at DESC, call_id DESC LIMIT ?
                """, arguments: both).map(Self.callRecord)
        }
    }

    /// The offers of one call, in the order they were made.
    public func offerAttempts(callID: String, arrivedAt: Date) throws -> [OfferAttempt] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM offer_attempts WHERE call_arrived_at = ? AND call_id = ? ORDER BY sequence",
                             arguments: [arrivedAt.unixMilliseconds, callID]).map(Self.offerAttempt)
        }
    }

    /// Queue log events at or after `since`, oldest first (in the order they were written).
    public func queueLog(since: Date, limit: Int) throws -> [QueueLogEvent] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM queue_log WHERE time >= ? ORDER BY time, id LIMIT ?",
                             arguments: [since.unixMilliseconds, max(limit, 0)]).map(Self.queueLogEvent)
        }
    }

    /// Every agent's last stored status.
    public func agentStatuses() throws -> [AgentStatusRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM agent_status ORDER BY agent").map(Self.agentStatus)
        }
    }

    private static func date(_ value: Int64?) -> Date? { value.map { Date(unixMilliseconds: $0) } }

    static func callRecord(_ row: Row) -> CallDetailRecord {
        CallDetailRecord(
            callID: row["call_id"], callerNumber: row["caller_number"], dialedNumber: row["dialed_number"], queue: row["queue"],
            agent: row["agent"], arrivedAt: Date(unixMilliseconds: row["arrived_at"]), firstOfferAt: date(row["first_offer_at"]),
            answeredAt: date(row["answered_at"]), endedAt: date(row["ended_at"]),
            outcome: CallRecordOutcome(rawValue: row["outcome"]) ?? .interrupted,
            endedBy: (row["ended_by"] as String?).flatMap(CallEndParty.init(rawValue:)), cause: row["cause"])
    }

    static func offerAttempt(_ row: Row) -> OfferAttempt {
        OfferAttempt(
            callID: row["call_id"], callArrivedAt: Date(unixMilliseconds: row["call_arrived_at"]), sequence: row["sequence"],
            agent: row["agent"], offeredAt: Date(unixMilliseconds: row["offered_at"]), ringingAt: date(row["ringing_at"]),
            endedAt: Date(unixMilliseconds: row["ended_at"]), result: OfferResult(rawValue: row["result"]) ?? .trunkFailure)
    }

    static func queueLogEvent(_ row: Row) -> QueueLogEvent {
        let data: [String?] = [row["data1"], row["data2"], row["data3"], row["data4"], row["data5"]]
        return QueueLogEvent(
            time: Date(unixMilliseconds: row["time"]), callID: row["callid"], queue: row["queuename"], agent: row["agent"],
            event: QueueLogEventName(rawValue: row["event"]) ?? .exitOverflow, data: data.prefix { $0 != nil }.compactMap { $0 })
    }

    static func agentStatus(_ row: Row) -> AgentStatusRecord {
        AgentStatusRecord(agent: row["agent"], status: AgentStatusKind(rawValue: row["status"]) ?? .available, reason: row["reason"],
                          since: Date(unixMilliseconds: row["since"]), until: date(row["until"]))
    }
}

extension SQLiteStore {
    /// Hands the queue log since `since` to `output` as Asterisk's text file, a chunk of lines at a
    /// time (each line ended by a newline), read in one snapshot without holding it all in memory.
    public func exportQueueLog(since: Date, to output: (String) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM queue_log WHERE time >= ? ORDER BY time, id",
                                           arguments: [since.unixMilliseconds])
            var chunk = ""
            while let row = try rows.next() {
                chunk += Self.queueLogEvent(row).line + "\n"
                if chunk.utf8.count >= 65_536 {
                    try output(chunk)
                    chunk = ""
                }
            }
            if !chunk.isEmpty { try output(chunk) }
        }
    }
}
