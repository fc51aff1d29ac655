/// An agent's status, set by the agent or a supervisor (the engine sets it only for RONA).
public enum AgentStatus: Hashable, Sendable, Codable {
    /// Not working: never offered calls.
    case loggedOut
    /// Ready to take calls whenever the agent's state is idle.
    case available
    /// On a break with a reason code: not offered calls.
    case onBreak(BreakReason)
}
