/// Ring these agents for this caller.
public struct ACDOffer: Hashable, Sendable {
    /// The caller's call.
    public var callID: CallID
    /// The queue the caller waits in.
    public var queue: QueueID
    /// The agents to ring now (one for most strategies, several for ring-all).
    public var agents: [OfferedAgent]
    /// How long each agent rings before the B2BUA reports ``OfferFailureReason/noAnswer``.
    public var ringTimeout: Duration
    /// Candidates and skip reasons, when ``ACDConfiguration/explainOffers`` is on.
    public var explanation: OfferExplanation?
}
