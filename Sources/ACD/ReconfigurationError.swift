/// Why the engine refused a new configuration (``ACDEngine/reconfigured(to:now:)``); the engine in
/// use is unchanged.
public enum ReconfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The new configuration itself is invalid.
    case invalid(ACDConfigurationError)
    /// A queue the new configuration leaves out still holds callers or answered calls.
    case queueInUse(QueueID, calls: Int)
    /// An agent the new configuration leaves out is reserved for, ringing for or talking to a caller.
    case agentInUse(AgentID, call: CallID)

    /// A sentence naming the item and what to do about it.
    public var description: String {
        switch self {
        case .invalid(let error):
            "\(error)"
        case .queueInUse(let queue, let calls):
            "queue \(queue) is left out but still has \(calls) call\(calls == 1 ? "" : "s"): "
                + "close it (emergency switch or schedule) and remove it once it is empty"
        case .agentInUse(let agent, let call):
            "agent \(agent) is left out but is still on call \(call): log the agent out and remove it once the call has ended"
        }
    }
}
