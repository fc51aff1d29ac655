/// What Switchboard knows an agent is doing, independent of the agent's status.
public enum AgentState: Hashable, Sendable {
    /// Free.
    case idle
    /// Chosen for this call; the B2BUA has not reported ringing yet.
    case reserved(CallID)
    /// Ringing for this call.
    case offering(CallID)
    /// Talking on this call.
    case onCall(CallID)
    /// In wrap-up until this instant.
    case wrapUp(until: ACDInstant)
}
