/// Whether one trunk (SBC) is up, from what it answered (RFC 3261 §11 OPTIONS pings and the B-leg
/// INVITEs sent through it). Pure: the time is passed in; a change is returned, never acted on.
///
/// A trunk is up until `downAfterFailures` consecutive failures; one answer brings it up again.
public struct TrunkHealth: Hashable, Sendable {
    /// What the trunk did with one request.
    public enum Observation: Hashable, Sendable {
        /// It answered: an OPTIONS final response other than 408/503 (even a 4xx, as SBCs treat
        /// it), or a B-leg INVITE that reached the far side.
        case answered
        /// It did not: an OPTIONS timeout or 503, or a B-leg INVITE that failed on the trunk.
        case failed
    }

    /// Consecutive failures that take the trunk down.
    public let downAfterFailures: Int
    /// Whether offers may go through the trunk.
    public private(set) var isUp = true
    /// When ``isUp`` last changed (or monitoring started), on the loop's clock.
    public private(set) var since: Duration
    /// Failures since the last answer.
    public private(set) var consecutiveFailures = 0

    /// A trunk presumed up at `now`.
    public init(downAfterFailures: Int, now: Duration) {
        self.downAfterFailures = max(1, downAfterFailures)
        since = now
    }

    /// What an OPTIONS ping's final response says: only a timeout (408) or 503 is a failure.
    public static func observation(forOptionsStatus statusCode: Int) -> Observation {
        statusCode == 408 || statusCode == 503 ? .failed : .answered
    }

    /// Records an observation at `now`; returns the new ``isUp`` when it changed.
    public mutating func observe(_ observation: Observation, now: Duration) -> Bool? {
        switch observation {
        case .answered:
            consecutiveFailures = 0
            guard !isUp else { return nil }
            isUp = true
        case .failed:
            consecutiveFailures += 1
            guard isUp, consecutiveFailures >= downAfterFailures else { return nil }
            isUp = false
        }
        since = now
        return isUp
    }
}
