/// Counters of one queue since statistics began, for export and persistence.
public struct QueueStatistics: Hashable, Sendable, Codable {
    /// Callers that entered the queue (overflow arrivals included).
    public var entered = 0
    /// Callers answered by an agent of this queue.
    public var answered = 0
    /// Callers who hung up while waiting or ringing.
    public var abandoned = 0
    /// Callers who left by overflow, per reason.
    public var overflowed: [OverflowReason: Int] = [:]
    /// Answered callers whose wait was at most the queue's service-level threshold.
    public var answeredWithinServiceLevel = 0
    /// Sum of the waits of answered callers.
    public var totalAnsweredWait: Duration = .zero
    /// Calls whose handling (talk and wrap-up) finished.
    public var handled = 0
    /// Sum of talk plus wrap-up of handled calls.
    public var totalHandleTime: Duration = .zero
    /// Sum of talk time of handled calls.
    public var totalTalkTime: Duration = .zero

    /// Creates empty statistics.
    public init() {}

    /// Answered within the threshold over answered plus abandoned, `nil` before any.
    public var serviceLevel: Double? {
        let total = answered + abandoned
        return total == 0 ? nil : Double(answeredWithinServiceLevel) / Double(total)
    }

    /// Average wait of answered callers (ASA).
    public var averageSpeedOfAnswer: Duration? {
        answered == 0 ? nil : totalAnsweredWait / answered
    }

    /// Average talk plus wrap-up (AHT).
    public var averageHandleTime: Duration? {
        handled == 0 ? nil : totalHandleTime / handled
    }

    /// Abandoned over answered plus abandoned.
    public var abandonRate: Double? {
        let total = answered + abandoned
        return total == 0 ? nil : Double(abandoned) / Double(total)
    }
}
