/// Widens a queue's agent pool as a caller waits: after `after`, agents up to `tier` are eligible.
///
/// A queue without tier rules offers every tier at once (lower tiers first). With rules, a new
/// caller may use tier 1 only, and each rule whose `after` has passed raises the limit.
public struct TierRule: Hashable, Sendable {
    /// The caller's wait after which the rule applies.
    public var after: Duration
    /// The highest tier eligible once the rule applies.
    public var tier: Int

    /// Creates a rule: after `after`, tiers up to `tier` may take the call.
    public init(after: Duration, tier: Int) {
        self.after = after
        self.tier = tier
    }
}
