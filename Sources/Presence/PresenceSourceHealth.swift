/// Whether a presence source is currently getting answers.
public enum PresenceSourceHealth: Sendable, Hashable {
    /// Answers arrive (a throttled answer counts: Graph is there, only busy).
    case reachable
    /// Requests fail; `since` is when the first failure of this outage happened.
    case unreachable(since: ContinuousClock.Instant, reason: String)
}
