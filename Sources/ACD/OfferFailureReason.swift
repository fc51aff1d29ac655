/// Why an offer to one agent did not connect, as the B2BUA reports it.
public enum OfferFailureReason: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// The agent did not answer within the ring timeout (RONA).
    case noAnswer
    /// The agent's leg answered 486 Busy Here.
    case busy
    /// The agent declined (603); the call is never offered to this agent again.
    case declined
    /// The agent could not be reached (480, or 408 from the agent's side).
    case unreachable
    /// The trunk failed (408/5xx from the SBC): not the agent's fault, no back-off, no RONA count.
    case trunkFailure
}
