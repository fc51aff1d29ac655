import ACD

extension QueueMember {
    /// Reads one item of a queue's `agents:` list: an agent id, or `{agent: id, tier: 1, penalty: 0, weight: 1}`.
    static func parse(_ node: ConfigurationNode) throws -> QueueMember {
        if node.node?.scalar != nil { return QueueMember(agent: AgentID(try node.string())) }
        let node = try node.allowingOnly(["agent", "tier", "penalty", "weight"])
        var member = QueueMember(agent: AgentID(try node["agent"].string()))
        member.tier = try node["tier"].int(in: 1...100, default: member.tier)
        member.penalty = try node["penalty"].int(in: 0...1_000, default: member.penalty)
        member.weight = try node["weight"].int(in: 1...1_000, default: member.weight)
        return member
    }
}
