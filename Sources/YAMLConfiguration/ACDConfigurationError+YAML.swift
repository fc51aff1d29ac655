import ACD

extension ACDConfigurationError {
    /// This error as a ``ConfigurationError`` naming the YAML key and line of the offending item.
    ///
    /// `configuration` is the one parsed from `queues`, `agents` and `options`, so list indices match.
    func located(in configuration: ACDConfiguration, queues: ConfigurationNode, agents: ConfigurationNode,
                 options: ConfigurationNode) throws -> ConfigurationError {
        let queueNodes = try queues.list()
        let agentNodes = try agents.list()
        func queue(_ id: QueueID) -> (configuration: QueueConfiguration, node: ConfigurationNode)? {
            configuration.queues.lastIndex { $0.id == id }.map { (configuration.queues[$0], queueNodes[$0]) }
        }
        func agent(_ id: AgentID) -> ConfigurationNode? {
            configuration.agents.lastIndex { $0.id == id }.map { agentNodes[$0]["id"] }
        }
        func member(_ id: QueueID, _ agent: AgentID, occurrence: Int) throws -> ConfigurationNode? {
            guard let queue = queue(id) else { return nil }
            let indices = queue.configuration.members.indices.filter { queue.configuration.members[$0].agent == agent }
            return try indices.dropFirst(occurrence).first.map { try queue.node["agents"].list()[$0] }
        }
        let node: ConfigurationNode?
        var message = description
        switch self {
        case .duplicateQueue(let id):
            node = queue(id)?.node["name"]
        case .duplicateAgent(let id), .agentInNoQueue(let id):
            node = agent(id)
        case .unknownAgentInQueue(let id, let agent):
            node = try member(id, agent, occurrence: 0)
        case .duplicateMember(let id, let agent):
            node = try member(id, agent, occurrence: 1)
        case .overlappingNumber(let number, let first, let second):
            node = try queue(second).flatMap { queue in
                let indices = queue.configuration.numbers.indices.filter { queue.configuration.numbers[$0] == number }
                return try indices.dropFirst(first == second ? 1 : 0).first.map { try queue.node["numbers"].list()[$0] }
            }
        case .badTimeZone(let id, _):
            node = queue(id)?.node["schedule"]["timeZone"]
            message += "; expected an IANA time zone such as Europe/Berlin"
        case .unknownOverflowQueue(let id, let target):
            node = queue(id).flatMap { queue in
                OverflowReason.allCases.first { reason in
                    if case .queue(target, _)? = queue.configuration.overflowTargets[reason] { true } else { false }
                }.map { queue.node["overflow"][$0.rawValue]["queue"] }
            }
        case .invalidValue(let item, _):
            node = configuration.queues.firstIndex { item.hasPrefix("queue \($0.id):") }.map { queueNodes[$0] } ?? options
        }
        return (node ?? options).error(message)
    }
}
