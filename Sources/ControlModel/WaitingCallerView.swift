/// A caller waiting in a queue.
public struct WaitingCallerView: Codable, Equatable, Sendable {
    /// The caller's call (the A-leg Call-ID).
    public var callID: String
    /// The caller's number.
    public var callerNumber: String
    /// Position among the callers not yet ringing (1 is next); 0 while an agent rings.
    public var position: Int
    /// Priority (higher is served first).
    public var priority: Int
    /// Seconds in this queue so far.
    public var waitedSeconds: Double
    /// Estimated seconds still to wait; absent when no agent staffs the queue.
    public var ewtSeconds: Double?
    /// The agents ringing for this caller now.
    public var ringing: [String]

    /// Creates a waiting caller view.
    public init(callID: String, callerNumber: String, position: Int, priority: Int, waitedSeconds: Double, ewtSeconds: Double?,
                ringing: [String]) {
        self.callID = callID
        self.callerNumber = callerNumber
        self.position = position
        self.priority = priority
        self.waitedSeconds = waitedSeconds
        self.ewtSeconds = ewtSeconds
        self.ringing = ringing
    }
}

/// A queue's counters since the daemon started.
public struct QueueStatisticsView: Codable, Equatable, Sendable {
    /// Callers that entered the queue.
    public var entered: Int
    /// Callers answered by an agent.
    public var answered: Int
    /// Callers who hung up before being answered.
    public var abandoned: Int
    /// Callers who left by overflow (closed, full, timeout, withdrawn, ...).
    public var overflowed: Int
    /// The service-level threshold in seconds.
    public var serviceLevelThresholdSeconds: Double
    /// Answered within the threshold over answered plus abandoned; absent before any.
    public var serviceLevel: Double?
    /// Average speed of answer in seconds; absent before any answer.
    public var averageSpeedOfAnswerSeconds: Double?
    /// Average handle time (talk plus wrap-up) in seconds; absent before any handled call.
    public var averageHandleTimeSeconds: Double?
    /// Abandoned over answered plus abandoned; absent before any.
    public var abandonRate: Double?

    /// Creates a statistics view.
    public init(entered: Int, answered: Int, abandoned: Int, overflowed: Int, serviceLevelThresholdSeconds: Double, serviceLevel: Double?,
                averageSpeedOfAnswerSeconds: Double?, averageHandleTimeSeconds: Double?, abandonRate: Double?) {
        self.entered = entered
        self.answered = answered
        self.abandoned = abandoned
        self.overflowed = overflowed
        self.serviceLevelThresholdSeconds = serviceLevelThresholdSeconds
        self.serviceLevel = serviceLevel
        self.averageSpeedOfAnswerSeconds = averageSpeedOfAnswerSeconds
        self.averageHandleTimeSeconds = averageHandleTimeSeconds
        self.abandonRate = abandonRate
    }
}
