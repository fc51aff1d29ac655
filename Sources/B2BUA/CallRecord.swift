/// What one call leaves behind when it ends: who called which queue, who answered, how long the
/// caller waited and talked, and how it ended. Times are the router's clock (since it started).
public struct CallRecord: Sendable, Equatable {
    /// The caller's A-leg Call-ID.
    public var callID: CallID
    /// The queue the caller reached.
    public var queue: String
    /// The caller's number as presented to agents.
    public var callerNumber: String
    /// The number the caller dialed (the A-leg Request-URI's user part).
    public var dialedNumber: String
    /// The agent connected or last rung, if any.
    public var agentID: String?
    /// When the caller arrived.
    public var arrivedAt: Duration
    /// When an agent answered.
    public var answeredAt: Duration?
    /// When the call ended.
    public var endedAt: Duration
    /// How it ended.
    public var outcome: CallOutcome
    /// The calls back to the caller made (0: the caller asked for no callback).
    public var callbackAttempts: Int

    /// Creates a record.
    public init(callID: CallID, queue: String, callerNumber: String, arrivedAt: Duration, answeredAt: Duration?,
                endedAt: Duration, outcome: CallOutcome, dialedNumber: String = "", callbackAttempts: Int = 0) {
        self.callID = callID
        self.callbackAttempts = callbackAttempts
        self.dialedNumber = dialedNumber
        self.queue = queue
        self.callerNumber = callerNumber
        switch outcome {
        case .completed(let agentID, _): self.agentID = agentID
        case .abandoned(let agentID): self.agentID = agentID
        case .released, .redirected, .transferFailed, .transferred, .callbackFailed: agentID = nil
        }
        self.arrivedAt = arrivedAt
        self.answeredAt = answeredAt
        self.endedAt = endedAt
        self.outcome = outcome
    }

    /// How long the caller waited before an agent answered (or before the call ended unanswered).
    public var waitTime: Duration { (answeredAt ?? endedAt) - arrivedAt }

    /// How long the caller talked to an agent.
    public var talkTime: Duration { answeredAt.map { endedAt - $0 } ?? .zero }
}
