import ACD

extension AgentConfiguration {
    /// Reads one item of the `agents:` list.
    static func parse(_ node: ConfigurationNode) throws -> AgentConfiguration {
        let node = try node.allowingOnly(["id", "number", "teamsObjectId", "skills", "wrapUpSeconds"])
        return AgentConfiguration(
            id: AgentID(try node["id"].string()),
            teamsObjectID: try node["teamsObjectId"].string(default: ""),
            number: try node["number"].e164(),
            skills: try node["skills"].intMapping(in: 0...100),
            wrapUp: try node["wrapUpSeconds"].optionalSeconds(in: 0...3_600))
    }
}
