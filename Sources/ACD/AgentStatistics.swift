/// Counters of one agent since statistics began, for export and persistence.
public struct AgentStatistics: Hashable, Sendable, Codable {
    /// Offers made to the agent.
    public var offered = 0
    /// Offers the agent answered.
    public var answered = 0
    /// Failed offers, per reason (trunk failures included, although they do not count against the agent).
    public var failures: [OfferFailureReason: Int] = [:]
    /// Times the agent was put on a RONA break.
    public var ronaBreaks = 0
    /// Calls whose handling (talk and wrap-up) finished.
    public var handled = 0
    /// Sum of talk time of handled calls.
    public var totalTalkTime: Duration = .zero
    /// Sum of wrap-up time of handled calls.
    public var totalWrapUpTime: Duration = .zero

    /// Creates empty statistics.
    public init() {}

    /// Average talk plus wrap-up (AHT).
    public var averageHandleTime: Duration? {
        handled == 0 ? nil : (totalTalkTime + totalWrapUpTime) / handled
    }

    /// Answered over offered.
    public var answerRate: Double? {
        offered == 0 ? nil : Double(answered) / Double(offered)
    }
}
