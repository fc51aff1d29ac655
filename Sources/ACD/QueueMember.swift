/// An agent's membership in one queue.
public struct QueueMember: Hashable, Sendable {
    /// The agent serving the queue.
    public var agent: AgentID
    /// The agent's tier (1 is first); higher tiers join the pool as ``TierRule``s widen it.
    public var tier: Int
    /// Preference inside a tier: lower penalties are offered first.
    public var penalty: Int
    /// The share of calls under ``RoutingStrategy/weightedRandom`` (must be at least 1).
    public var weight: Int

    /// Creates a membership; by default tier 1, penalty 0, weight 1.
    public init(agent: AgentID, tier: Int = 1, penalty: Int = 0, weight: Int = 1) {
        self.agent = agent
        self.tier = tier
        self.penalty = penalty
        self.weight = weight
    }
}
