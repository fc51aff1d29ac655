/// Whether an agent could be offered a call of one of its queues now, as far as the agent is
/// concerned (the caller's own rules, such as tiers and skills, are ``OfferExplanation``'s).
public struct QueueRoutability: Hashable, Sendable {
    /// The queue.
    public var queue: QueueID
    /// Why the agent cannot be offered this queue's calls now; `nil` when it can.
    public var blockedBy: SkipReason?
}
