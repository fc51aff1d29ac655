/// Why an event had no effect.
public enum IgnoredEvent: Hashable, Sendable {
    /// No such call in the engine.
    case unknownCall(CallID)
    /// No such agent in the configuration.
    case unknownAgent(AgentID)
    /// No queue serves this number or identifier.
    case unknownQueue(QueueSelector)
    /// A caller with this call identifier is already in the engine.
    case duplicateCall(CallID)
    /// The agent is not ringing for this call (a late or repeated report).
    case staleOffer(CallID, AgentID)
    /// The agent is not in wrap-up.
    case notInWrapUp(AgentID)
}
