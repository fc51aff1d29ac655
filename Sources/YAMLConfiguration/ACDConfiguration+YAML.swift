import ACD

extension ACDConfiguration {
    /// Reads the queue engine's configuration from the top-level `queues:` list, the `agents:` list and
    /// the optional `acd:` mapping, then validates it; every error names the YAML key and its line.
    static func parse(queues: ConfigurationNode, agents: ConfigurationNode, options: ConfigurationNode) throws -> ACDConfiguration {
        let options = try options.allowingOnly([
            "rona", "presenceStalenessSeconds", "ownCallPresenceGraceSeconds", "globalLongestWaitingFirst",
            "weightHeadStartSeconds", "trunkFailureRetryDelaySeconds", "maxOverflowHops", "explainOffers",
        ])
        var configuration = ACDConfiguration(
            queues: try queues.list().map(QueueConfiguration.parse),
            agents: try agents.list().map(AgentConfiguration.parse),
            rona: try RONAConfiguration.parse(options["rona"]))
        configuration.presenceStaleness = try options["presenceStalenessSeconds"]
            .seconds(in: 1...86_400, default: configuration.presenceStaleness)
        configuration.ownCallPresenceGrace = try options["ownCallPresenceGraceSeconds"]
            .seconds(in: 0...3_600, default: configuration.ownCallPresenceGrace)
        configuration.globalLongestWaitingFirst = try options["globalLongestWaitingFirst"]
            .bool(default: configuration.globalLongestWaitingFirst)
        configuration.weightHeadStart = try options["weightHeadStartSeconds"]
            .seconds(in: 0...3_600, default: configuration.weightHeadStart)
        configuration.trunkFailureRetryDelay = try options["trunkFailureRetryDelaySeconds"]
            .seconds(in: 0...300, default: configuration.trunkFailureRetryDelay)
        configuration.maxOverflowHops = try options["maxOverflowHops"].int(in: 0...100, default: configuration.maxOverflowHops)
        configuration.explainOffers = try options["explainOffers"].bool(default: configuration.explainOffers)
        do {
            try configuration.validate()
        } catch {
            throw try error.located(in: configuration, queues: queues, agents: agents, options: options)
        }
        return configuration
    }
}
