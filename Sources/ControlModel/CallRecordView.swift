/// A stored call record with its offer attempts (`GET /v1/call-records`). Times are ISO 8601 UTC
/// to the millisecond (``ControlTime``).
public struct CallRecordView: Codable, Equatable, Sendable {
    /// The caller's A-leg Call-ID (a Call-ID seen again later is another record).
    public var callID: String
    /// The caller's number as presented to agents.
    public var callerNumber: String
    /// The number the caller dialed, once known.
    public var dialedNumber: String?
    /// The queue the caller reached (the last one, after an overflow or a transfer to another queue).
    public var queue: String
    /// The agent connected, or the last one offered the call.
    public var agent: String?
    /// When the caller arrived.
    public var arrivedAt: String
    /// When the first agent was offered the call.
    public var firstOfferAt: String?
    /// When an agent answered.
    public var answeredAt: String?
    /// When the call ended; absent while it is in progress.
    public var endedAt: String?
    /// `inProgress`, `completed`, `abandoned`, `released`, `redirected`, `transferred`, `transferFailed`, `callbackFailed` or `interrupted`.
    public var outcome: String
    /// Who ended the call: `caller`, `agent` or `switchboard`.
    public var endedBy: String?
    /// Why it ended: `BYE`, `CANCEL`, a SIP status with its reason, `restart`.
    public var cause: String?
    /// Whole seconds from arrival to the answer (or to the end when never answered).
    public var waitSeconds: Int?
    /// Whole seconds from the answer to the end (0 when never answered); absent until the call ends.
    public var talkSeconds: Int?
    /// Every offer of the call to an agent, in the order they were made.
    public var offers: [OfferAttemptView]

    /// Creates a record view.
    public init(callID: String, callerNumber: String, dialedNumber: String?, queue: String, agent: String?, arrivedAt: String,
                firstOfferAt: String?, answeredAt: String?, endedAt: String?, outcome: String, endedBy: String?, cause: String?,
                waitSeconds: Int?, talkSeconds: Int?, offers: [OfferAttemptView]) {
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
        self.waitSeconds = waitSeconds
        self.talkSeconds = talkSeconds
        self.offers = offers
    }
}

/// One offer of a call to one agent (one B-leg INVITE), once resolved.
public struct OfferAttemptView: Codable, Equatable, Sendable {
    /// The offer's number within the call, from 1.
    public var sequence: Int
    /// The agent offered the call.
    public var agent: String
    /// When the offer was made.
    public var offeredAt: String
    /// When the agent's endpoint started ringing; absent when it never rang.
    public var ringingAt: String?
    /// When the offer was answered, failed or cancelled.
    public var endedAt: String
    /// `answered`, `noAnswer`, `busy`, `declined`, `unreachable`, `trunkFailure`, `answeredElsewhere`,
    /// `callerLeft`, `agentUnavailable` or `overflow`.
    public var result: String

    /// Creates an offer view.
    public init(sequence: Int, agent: String, offeredAt: String, ringingAt: String?, endedAt: String, result: String) {
        self.sequence = sequence
        self.agent = agent
        self.offeredAt = offeredAt
        self.ringingAt = ringingAt
        self.endedAt = endedAt
        self.result = result
    }
}

/// The call records a query matched (`GET /v1/call-records`).
public struct CallRecordList: Codable, Equatable, Sendable {
    /// The records, newest arrival first.
    public var records: [CallRecordView]

    /// Wraps the records.
    public init(records: [CallRecordView]) {
        self.records = records
    }
}
