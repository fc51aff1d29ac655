/// Decides when a presence source counts as unreachable and when it is back, so that the daemon
/// logs an outage once, not once per failed poll.
///
/// The source turns unreachable after `failureThreshold` consecutive failures; the outage is dated
/// from the first of them. One success makes it reachable again. Each method returns the new health
/// only when it changed. Pure: time comes in as `now`.
public struct PresenceHealthTracker: Sendable, Hashable {
    /// Consecutive failures that make the source unreachable.
    public let failureThreshold: Int
    /// The current health.
    public private(set) var health: PresenceSourceHealth = .reachable
    private var firstFailureAt: ContinuousClock.Instant?
    private var failures = 0

    /// Creates a tracker that starts reachable.
    public init(failureThreshold: Int = 3) {
        precondition(failureThreshold >= 1, "the failure threshold must be at least one")
        self.failureThreshold = failureThreshold
    }

    /// Records a successful answer; returns `.reachable` if the source was unreachable.
    public mutating func recordSuccess() -> PresenceSourceHealth? {
        failures = 0
        firstFailureAt = nil
        guard health != .reachable else { return nil }
        health = .reachable
        return health
    }

    /// Records a failed request at `now`; returns the unreachable health when this failure starts an outage.
    public mutating func recordFailure(reason: String, now: ContinuousClock.Instant) -> PresenceSourceHealth? {
        failures += 1
        let since = firstFailureAt ?? now
        firstFailureAt = since
        guard health == .reachable, failures >= failureThreshold else { return nil }
        health = .unreachable(since: since, reason: reason)
        return health
    }
}
