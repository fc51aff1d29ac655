import Foundation

/// One caller's call as the store keeps it: opened when the caller reaches a queue, updated when an
/// agent answers, closed when the call ends (or, after a crash, at the next start as
/// ``CallRecordOutcome/interrupted``). Times are wall-clock instants, stored as Unix milliseconds (UTC).
public struct CallDetailRecord: Sendable, Equatable {
    /// The caller's A-leg Call-ID.
    public var callID: String
    /// The caller's number as presented to agents.
    public var callerNumber: String
    /// The number the caller dialed (the A-leg Request-URI's user part), once known.
    public var dialedNumber: String?
    /// The queue the caller reached (the last one, after a transfer or an overflow to another queue).
    public var queue: String
    /// The agent connected or last rung, if any.
    public var agent: String?
    /// When the caller arrived.
    public var arrivedAt: Date
    /// When the first agent was offered the call.
    public var firstOfferAt: Date?
    /// When an agent answered.
    public var answeredAt: Date?
    /// When the call ended; `nil` while it is in progress.
    public var endedAt: Date?
    /// How the call ended (``CallRecordOutcome/inProgress`` while open).
    public var outcome: CallRecordOutcome
    /// Who ended the call, once it ended.
    public var endedBy: CallEndParty?
    /// Why it ended: a SIP status with its reason (`480 Queue timeout`), or the request that ended it (`BYE`).
    public var cause: String?

    /// Creates a record.
    public init(callID: String, callerNumber: String, dialedNumber: String? = nil, queue: String, agent: String? = nil,
                arrivedAt: Date, firstOfferAt: Date? = nil, answeredAt: Date? = nil, endedAt: Date? = nil,
                outcome: CallRecordOutcome = .inProgress, endedBy: CallEndParty? = nil, cause: String? = nil) {
        self.callID = callID
        self.callerNumber = callerNumber
        self.dialedNumber = dialedNumber
        self.queue = queue
        self.agent = agent
        self.arrivedAt = arrivedAt
        self.firstOfferAt = firstOfferAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.endedBy = endedBy
        self.cause = cause
    }

    /// Whole seconds the caller waited before an agent answered (or before the call ended unanswered);
    /// `nil` while the call is in progress and unanswered.
    public var waitSeconds: Int? {
        (answeredAt ?? endedAt).map { Self.wholeSeconds(from: arrivedAt, to: $0) }
    }

    /// Whole seconds the caller talked to an agent; `nil` until the call ends, 0 when never answered.
    public var talkSeconds: Int? {
        guard let endedAt else { return nil }
        return answeredAt.map { Self.wholeSeconds(from: $0, to: endedAt) } ?? 0
    }

    private static func wholeSeconds(from start: Date, to end: Date) -> Int {
        Int(max(0, end.unixMilliseconds - start.unixMilliseconds) / 1_000)
    }
}

/// How a call ended, as stored in `call_records.outcome`.
public enum CallRecordOutcome: String, Sendable, CaseIterable {
    /// The call has not ended yet.
    case inProgress
    /// Connected to an agent, then ended by one side.
    case completed
    /// The caller hung up before being connected.
    case abandoned
    /// The queue let the caller go with a final status (overflow to a hang-up).
    case released
    /// The queue sent the caller on to another number (`302`).
    case redirected
    /// An agent transferred the caller to an outside number, and that call ended.
    case transferred
    /// An agent's blind transfer to an outside number did not connect.
    case transferFailed
    /// The caller asked for a callback and answered none of the calls back.
    case callbackFailed
    /// The daemon stopped (crash or kill) while the call was open; closed at the next start.
    case interrupted
}

/// Who ended a call.
public enum CallEndParty: String, Sendable, CaseIterable {
    /// The PSTN caller.
    case caller
    /// The Teams agent (or the outside party after a transfer).
    case agent
    /// Switchboard itself (queue rules, maximum duration, session timer, missing ACK, restart).
    case switchboard
}

extension Date {
    /// Milliseconds since 1970-01-01 00:00 UTC, the store's time unit.
    public var unixMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1_000).rounded()) }

    /// The instant `milliseconds` after 1970-01-01 00:00 UTC.
    public init(unixMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1_000)
    }
}
