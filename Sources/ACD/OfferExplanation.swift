/// Why an offer went to whom it went: the ranked candidates and why every other member was skipped.
public struct OfferExplanation: Hashable, Sendable {
    /// The caller's call.
    public var callID: CallID
    /// The queue the caller waits in.
    public var queue: QueueID
    /// Every eligible member, best first by tier, penalty and the strategy's key (random strategies:
    /// member order, since the draw is not an order).
    public var candidates: [AgentID]
    /// Members that could not take this call now, each with the reason, in member order.
    public var skipped: [SkippedAgent]
}
