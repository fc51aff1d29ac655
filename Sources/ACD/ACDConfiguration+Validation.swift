extension ACDConfiguration {
    /// Checks the configuration and throws an error naming the first bad item.
    public func validate() throws(ACDConfigurationError) {
        var agentIDs = Set<AgentID>()
        for agent in agents where !agentIDs.insert(agent.id).inserted {
            throw .duplicateAgent(agent.id)
        }
        var queueIDs = Set<QueueID>()
        for queue in queues where !queueIDs.insert(queue.id).inserted {
            throw .duplicateQueue(queue.id)
        }
        var numberOwners: [String: QueueID] = [:]
        var servingAgents = Set<AgentID>()
        for queue in queues {
            for number in queue.numbers {
                if let owner = numberOwners[number] { throw .overlappingNumber(number, owner, queue.id) }
                numberOwners[number] = queue.id
            }
            var members = Set<AgentID>()
            for member in queue.members {
                guard agentIDs.contains(member.agent) else { throw .unknownAgentInQueue(queue: queue.id, agent: member.agent) }
                guard members.insert(member.agent).inserted else { throw .duplicateMember(queue: queue.id, agent: member.agent) }
                try Self.require(member.tier >= 1, "queue \(queue.id): member \(member.agent) tier", "must be at least 1")
                try Self.require(member.weight >= 1, "queue \(queue.id): member \(member.agent) weight", "must be at least 1")
            }
            servingAgents.formUnion(members)
            for case .queue(let target, _) in queue.overflowTargets.values where !queueIDs.contains(target) {
                throw .unknownOverflowQueue(queue: queue.id, target: target)
            }
            try validate(queue)
        }
        for agent in agents where !servingAgents.contains(agent.id) {
            throw .agentInNoQueue(agent.id)
        }
        try Self.require(rona.missLimit >= 0, "rona: missLimit", "must not be negative")
        try Self.require(rona.breakDuration >= .zero, "rona: breakDuration", "must not be negative")
        try Self.require(maxOverflowHops >= 0, "maxOverflowHops", "must not be negative")
        try Self.require(presenceStaleness > .zero, "presenceStaleness", "must be positive")
        try Self.require(offerReportGrace >= .zero, "offerReportGrace", "must not be negative")
    }

    private func validate(_ queue: QueueConfiguration) throws(ACDConfigurationError) {
        let item = "queue \(queue.id)"
        try Self.require(queue.ringTimeout > .zero, "\(item): ringTimeout", "must be positive")
        if case .ringProgressively(let interval) = queue.strategy {
            try Self.require(interval > .zero, "\(item): ringProgressively interval", "must be positive")
        }
        try Self.require((queue.maxCallers ?? 0) >= 0, "\(item): maxCallers", "must not be negative")
        try Self.require(queue.handleTimeWindow >= 1, "\(item): handleTimeWindow", "must be at least 1")
        try Self.require(queue.initialHandleTime > .zero, "\(item): initialHandleTime", "must be positive")
        try Self.require(queue.wrapUp >= .zero, "\(item): wrapUp", "must not be negative")
        try Self.require(queue.maxWaitWithNoAgent >= .zero, "\(item): maxWaitWithNoAgent", "must not be negative")
        for rule in queue.tierRules {
            try Self.require(rule.tier >= 1 && rule.after >= .zero, "\(item): tier rule", "needs tier >= 1 and a wait >= 0")
        }
        for rule in queue.skillRules {
            try Self.require(rule.reduction >= 0 && rule.after >= .zero, "\(item): skill rule", "needs reduction >= 0 and a wait >= 0")
        }
        if let schedule = queue.schedule {
            guard ScheduleCalendar(timeZone: schedule.timeZone) != nil else {
                throw .badTimeZone(queue: queue.id, timeZone: schedule.timeZone)
            }
            for hours in schedule.weeklyHours {
                let valid = hours.opens.minute >= 0 && hours.opens.minute < 60 && hours.closes.minute >= 0
                    && hours.closes.minute < 60 && hours.opens.hour >= 0
                    && hours.closes.minutesSinceMidnight <= 24 * 60
                    && hours.opens.minutesSinceMidnight < hours.closes.minutesSinceMidnight
                try Self.require(valid, "\(item): hours on \(hours.weekday)", "must open before closing, within 00:00-24:00")
            }
            for holiday in schedule.holidays {
                try Self.require(holiday.first <= holiday.last, "\(item): holiday \(holiday.name)", "ends before it starts")
            }
        }
    }

    private static func require(_ condition: Bool, _ item: String, _ reason: String) throws(ACDConfigurationError) {
        if !condition { throw .invalidValue(item: item, reason: reason) }
    }
}
