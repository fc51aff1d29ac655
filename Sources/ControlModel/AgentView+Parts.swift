/// An agent's last Teams presence and its age.
public struct PresenceView: Codable, Equatable, Sendable {
    /// Graph's availability (`Available`, `Busy`, ...).
    public var availability: String
    /// Graph's activity (`Available`, `InACall`, ...).
    public var activity: String
    /// When it was observed, ISO 8601 UTC.
    public var observedAt: String
    /// Seconds since it was observed.
    public var ageSeconds: Double

    /// Creates a presence view.
    public init(availability: String, activity: String, observedAt: String, ageSeconds: Double) {
        self.availability = availability
        self.activity = activity
        self.observedAt = observedAt
        self.ageSeconds = ageSeconds
    }
}

/// Whether an agent is routable for one queue.
public struct AgentQueueView: Codable, Equatable, Sendable {
    /// The queue.
    public var queue: String
    /// Whether a call of this queue could be offered to the agent now.
    public var routable: Bool
    /// Why not, when not.
    public var reason: ReasonView?

    /// Creates an entry.
    public init(queue: String, routable: Bool, reason: ReasonView?) {
        self.queue = queue
        self.routable = routable
        self.reason = reason
    }
}

/// A reason an agent is not offered a call: a stable code for scripts and a sentence for people.
public struct ReasonView: Codable, Equatable, Sendable {
    /// `loggedOut`, `onBreak`, `reserved`, `offering`, `onCall`, `wrapUp`, `backOff`, `presence`,
    /// `presenceUnknown`, `presenceStale`, `tierNotYetAllowed`, `notSkilled` or `declinedThisCall`.
    public var code: String
    /// The reason in words, with its details.
    public var text: String

    /// Creates a reason.
    public init(code: String, text: String) {
        self.code = code
        self.text = text
    }
}

/// An agent's counters since the daemon started.
public struct AgentStatisticsView: Codable, Equatable, Sendable {
    /// Offers made to the agent.
    public var offered: Int
    /// Offers the agent answered.
    public var answered: Int
    /// Calls whose handling (talk and wrap-up) finished.
    public var handled: Int
    /// Times the agent was put on a RONA break.
    public var ronaBreaks: Int
    /// Average talk plus wrap-up in seconds; absent before any handled call.
    public var averageHandleTimeSeconds: Double?

    /// Creates a statistics view.
    public init(offered: Int, answered: Int, handled: Int, ronaBreaks: Int, averageHandleTimeSeconds: Double?) {
        self.offered = offered
        self.answered = answered
        self.handled = handled
        self.ronaBreaks = ronaBreaks
        self.averageHandleTimeSeconds = averageHandleTimeSeconds
    }
}
