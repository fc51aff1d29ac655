import ACD

extension QueueConfiguration {
    private static let keys: Set<String> = [
        "name", "numbers", "strategy", "ringProgressivelyIntervalSeconds", "agents", "tierRules", "requiredSkills",
        "skillRules", "ringTimeoutSeconds", "maxCallers", "maxWaitSeconds", "joinWhenEmpty", "stayWhenEmpty",
        "maxWaitWithNoAgentSeconds", "wrapUpSeconds", "wrapUpCeilingSeconds", "weight", "presence", "overflow",
        "ewtThresholdSeconds", "rejoinWindowSeconds", "preferredAgent", "serviceLevelSeconds", "schedule",
        "announcements", "handleTimeWindow", "initialHandleTimeSeconds", "callback",
    ]

    /// The ``EmptyQueuePolicy`` values by their YAML names.
    private static let emptyQueuePolicies: KeyValuePairs<String, EmptyQueuePolicy> = [
        "always": .always, "when-agent-logged-in": .whenAgentLoggedIn, "when-agent-available": .whenAgentAvailable,
    ]

    /// Reads one item of the `queues:` list; absent keys keep the engine's defaults, except a 15 s ring timeout.
    static func parse(_ node: ConfigurationNode) throws -> QueueConfiguration {
        let node = try node.allowingOnly(keys)
        let numbers = try node["numbers"].list().map { try $0.e164() }
        guard !numbers.isEmpty else { throw node["numbers"].error("a queue needs at least one number") }
        var queue = QueueConfiguration(
            id: QueueID(try node["name"].string()), numbers: numbers,
            strategy: try RoutingStrategy.parse(node),
            members: try node["agents"].list().map(QueueMember.parse))
        queue.tierRules = try node["tierRules"].list().map(parseTierRule)
        queue.requiredSkills = try node["requiredSkills"].intMapping(in: 0...100)
        queue.skillRules = try node["skillRules"].list().map(parseSkillRule)
        queue.ringTimeout = try node["ringTimeoutSeconds"].seconds(in: 3...300, default: .seconds(15))
        queue.maxCallers = try node["maxCallers"].optionalInt(in: 1...100_000)
        queue.maxWait = try node["maxWaitSeconds"].optionalSeconds(in: 1...86_400)
        queue.joinPolicy = try node["joinWhenEmpty"].choice(emptyQueuePolicies, default: queue.joinPolicy)
        queue.stayPolicy = try node["stayWhenEmpty"].choice(emptyQueuePolicies, default: queue.stayPolicy)
        queue.maxWaitWithNoAgent = try node["maxWaitWithNoAgentSeconds"].seconds(in: 0...86_400, default: queue.maxWaitWithNoAgent)
        queue.wrapUp = try node["wrapUpSeconds"].seconds(in: 0...3_600, default: queue.wrapUp)
        queue.wrapUpCeiling = try node["wrapUpCeilingSeconds"].optionalSeconds(in: 0...3_600)
        queue.weight = try node["weight"].int(in: 0...100, default: queue.weight)
        queue.presencePolicy = try PresencePolicy.parse(node["presence"])
        (queue.overflowTargets, queue.exitKey) = try OverflowTarget.parseTargets(node["overflow"])
        queue.ewtThreshold = try node["ewtThresholdSeconds"].optionalSeconds(in: 1...86_400)
        queue.rejoinWindow = try node["rejoinWindowSeconds"].optionalSeconds(in: 1...3_600)
        queue.preferredAgent = try parsePreferredAgent(node["preferredAgent"])
        queue.serviceLevelThreshold = try node["serviceLevelSeconds"].seconds(in: 1...3_600, default: queue.serviceLevelThreshold)
        queue.schedule = node["schedule"].isPresent ? try ScheduleConfiguration.parse(node["schedule"]) : nil
        queue.announcements = try AnnouncementConfiguration.parse(node["announcements"])
        if queue.exitKey != nil, queue.announcements.welcomePrompt == nil, queue.announcements.musicOnHold == nil {
            throw node["overflow"]["exitKey"].error("needs answered hold: a caller who hears ringback sends no keys; set announcements.welcomePrompt or musicOnHold")
        }
        let answersCallers = queue.announcements.welcomePrompt != nil || queue.announcements.musicOnHold != nil
        queue.callback = try CallbackConfiguration.parse(node["callback"], exitKey: queue.exitKey, answersCallers: answersCallers)
        if queue.callback != nil, queue.announcements.earlyMedia {
            throw node["callback"].error("needs callers answered at once: with announcements.earlyMedia a waiting caller's keys go nowhere; remove one of them")
        }
        queue.handleTimeWindow = try node["handleTimeWindow"].int(in: 1...10_000, default: queue.handleTimeWindow)
        queue.initialHandleTime = try node["initialHandleTimeSeconds"].seconds(in: 1...86_400, default: queue.initialHandleTime)
        return queue
    }

    private static func parseTierRule(_ node: ConfigurationNode) throws -> TierRule {
        let node = try node.allowingOnly(["afterSeconds", "tier"])
        return TierRule(after: .seconds(try node["afterSeconds"].int(in: 0...86_400)), tier: try node["tier"].int(in: 1...100))
    }

    private static func parseSkillRule(_ node: ConfigurationNode) throws -> SkillRule {
        let node = try node.allowingOnly(["afterSeconds", "reduction"])
        return SkillRule(after: .seconds(try node["afterSeconds"].int(in: 0...86_400)), reduction: try node["reduction"].int(in: 0...100))
    }

    private static func parsePreferredAgent(_ node: ConfigurationNode) throws -> PreferredAgentConfiguration? {
        guard node.isPresent else { return nil }
        let node = try node.allowingOnly(["rememberForSeconds", "waitForSeconds"])
        return PreferredAgentConfiguration(rememberFor: .seconds(try node["rememberForSeconds"].int(in: 1...2_592_000)),
                                           waitFor: .seconds(try node["waitForSeconds"].int(in: 0...3_600)))
    }
}
