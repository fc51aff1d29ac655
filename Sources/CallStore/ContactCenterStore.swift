import Foundation

/// One change for the store to append: written in order, a batch in one transaction.
public enum StoreChange: Sendable, Equatable {
    /// Insert or replace a call's record (a call is named by its Call-ID and arrival time).
    case call(CallDetailRecord)
    /// Append a resolved offer.
    case offer(OfferAttempt)
    /// Append a queue log event.
    case queueLog(QueueLogEvent)
    /// Set an agent's current status.
    case agentStatus(AgentStatusRecord)
    /// Insert or replace a pending callback (the engine accepted it, or an attempt went unanswered).
    case callback(PendingCallback)
    /// Forget a pending callback (named by its call's Call-ID and arrival): its call back connected, or the call ended.
    case callbackEnded(callID: String, arrivedAt: Date)
}

/// The contact center's persistent records: call records, offer attempts, the queue log and agent
/// statuses. `SQLiteStore` implements it; another database can follow behind the same calls.
/// Every method may block on I/O: call it off the SIP event loop (the daemon goes through
/// `StoreWriter` for appends).
public protocol ContactCenterStore: Sendable {
    /// Applies the changes in order, all in one transaction: either all are durable or none is.
    func apply(_ changes: [StoreChange]) throws

    /// The call records matching `query`, newest arrival first.
    func callRecords(matching query: CallRecordQuery) throws -> [CallDetailRecord]

    /// The offers of one call (a record's `callID` and `arrivedAt`), in the order they were made.
    func offerAttempts(callID: String, arrivedAt: Date) throws -> [OfferAttempt]

    /// Queue log events at or after `since`, oldest first, at most `limit` of them.
    func queueLog(since: Date, limit: Int) throws -> [QueueLogEvent]

    /// Every agent's last stored status (to restore breaks after a restart).
    func agentStatuses() throws -> [AgentStatusRecord]

    /// Closes every call record left open (by a crash or a kill) as ``CallRecordOutcome/interrupted``,
    /// ended at `now` by Switchboard, but those of pending callbacks; returns how many it closed. Run
    /// once at start-up, before new calls.
    func closeInterruptedCalls(at now: Date) throws -> Int

    /// The pending callbacks whose call record is still open, in the order of their places (oldest
    /// first); pending callbacks of a closed record are forgotten. Run once at start-up, before new calls.
    func pendingCallbacks() throws -> [PendingCallback]
}

extension ContactCenterStore {
    /// The queue log since `since` as Asterisk's classic text file: one ``QueueLogEvent/line`` per
    /// event, each ended by a newline.
    public func queueLogText(since: Date, limit: Int) throws -> String {
        try queueLog(since: since, limit: limit).map { $0.line + "\n" }.joined()
    }
}
