/// What switchboardd itself knows about an agent's calls: its own truth, which beats Graph's lagging presence.
public enum AgentCallState: String, Sendable, Hashable, CaseIterable {
    /// Switchboard has no call offered to or bridged with the agent.
    case idle
    /// Switchboard is ringing the agent (B-leg INVITE sent, no final answer yet).
    case offering
    /// The agent is talking on a call Switchboard bridged.
    case onCall
    /// The call ended and the agent is in the queue's wrap-up time.
    case wrapUp
}
