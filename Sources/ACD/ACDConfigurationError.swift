/// A configuration the engine refuses, naming the bad item.
public enum ACDConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Two queues share an identifier.
    case duplicateQueue(QueueID)
    /// Two agents share an identifier.
    case duplicateAgent(AgentID)
    /// A queue lists an agent that is not configured.
    case unknownAgentInQueue(queue: QueueID, agent: AgentID)
    /// A queue lists the same agent twice.
    case duplicateMember(queue: QueueID, agent: AgentID)
    /// Two queues (or one queue twice) serve the same number.
    case overlappingNumber(String, QueueID, QueueID)
    /// An agent serves no queue.
    case agentInNoQueue(AgentID)
    /// A schedule names a time zone that does not exist.
    case badTimeZone(queue: QueueID, timeZone: String)
    /// An overflow target names a queue that is not configured.
    case unknownOverflowQueue(queue: QueueID, target: QueueID)
    /// A value out of range; `item` names it (for example `queue sales: ringTimeout`).
    case invalidValue(item: String, reason: String)

    /// A sentence naming the bad item.
    public var description: String {
        switch self {
        case .duplicateQueue(let queue): "queue \(queue) is defined twice"
        case .duplicateAgent(let agent): "agent \(agent) is defined twice"
        case .unknownAgentInQueue(let queue, let agent): "queue \(queue) lists unknown agent \(agent)"
        case .duplicateMember(let queue, let agent): "queue \(queue) lists agent \(agent) twice"
        case .overlappingNumber(let number, let first, let second): "number \(number) is served by both \(first) and \(second)"
        case .agentInNoQueue(let agent): "agent \(agent) serves no queue"
        case .badTimeZone(let queue, let zone): "queue \(queue) has unknown time zone \(zone)"
        case .unknownOverflowQueue(let queue, let target): "queue \(queue) overflows to unknown queue \(target)"
        case .invalidValue(let item, let reason): "\(item): \(reason)"
        }
    }
}
