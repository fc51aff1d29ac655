extension ACDEngine {
    /// Carries a queue's live state over by id: emergency switch, the EWT's handle times, the
    /// no-agent clock, per-member counters and the round-robin position.
    mutating func carryQueue(_ old: QueueRecord, into queue: Int, agentMap: [Int?]) {
        queues[queue].emergency = old.emergency
        queues[queue].noAgentSince = old.noAgentSince
        queues[queue].handleTimes = old.handleTimes
        queues[queue].handleTimeSum = old.handleTimeSum
        while queues[queue].handleTimes.count > queues[queue].configuration.handleTimeWindow {
            queues[queue].handleTimeSum -= queues[queue].handleTimes.removeFirst()
        }
        for member in old.roster.members {
            guard let agent = agentMap[member.agent], let carried = queues[queue].memberIndex[agent] else { continue }
            queues[queue].roster.restoreCounters(of: carried, answered: member.answered, talkNanoseconds: member.talkNanoseconds)
        }
        queues[queue].roundRobinRound = old.roundRobinRound
        let lastAgent = old.roster.members.indices.contains(old.roundRobinMember) ? agentMap[old.roster.members[old.roundRobinMember].agent] : nil
        queues[queue].roundRobinMember = lastAgent.flatMap { queues[queue].memberIndex[$0] } ?? -1
    }

    /// Carries an agent's live state over by id (a wrap-up of a queue left out ends at once).
    mutating func carryAgent(_ old: AgentRecord, into agent: Int, queueMap: [Int?]) {
        agents[agent].status = old.status
        agents[agent].activity = switch old.activity {
        case .wrapUp(let until, let queue, let talk, let endedAt):
            queueMap[queue].map { .wrapUp(until: until, queue: $0, talk: talk, endedAt: endedAt) } ?? .idle
        default:
            old.activity
        }
        agents[agent].presence = old.presence
        agents[agent].presenceObservedAt = old.presenceObservedAt
        agents[agent].idleSince = old.idleSince
        agents[agent].lastCallAnsweredAt = old.lastCallAnsweredAt
        agents[agent].lastCallEndedAt = old.lastCallEndedAt
        agents[agent].backOffUntil = old.backOffUntil
        agents[agent].backOffReason = old.backOffReason
        agents[agent].consecutiveMisses = old.consecutiveMisses
        agents[agent].ronaBreakUntil = old.ronaBreakUntil
    }
}

extension CallerRecord {
    /// The record with queue and agent indices of a reconfigured engine (a preferred agent left
    /// out turns the wait into a plain wait; removals in use were refused before).
    func remapped(agentMap: [Int?], queueMap: [Int?]) -> CallerRecord {
        var caller = self
        caller.queue = queueMap[queue] ?? queue
        caller.lineToken = 0
        caller.offered = offered.compactMap { agentMap[$0] }
        caller.declinedBy = declinedBy.compactMap { agentMap[$0] }
        switch phase {
        case .preferred(let agent, let until):
            caller.phase = agentMap[agent].map { .preferred(agent: $0, until: until) } ?? .waiting
        case .connected(let agent, let at, let wait):
            caller.phase = .connected(agent: agentMap[agent] ?? agent, at: at, wait: wait)
        case .waiting, .held, .offering:
            break
        }
        return caller
    }
}

extension TimerEntry.Kind {
    /// The timer in a reconfigured engine, or `nil` when its agent or queue is gone (caller slots
    /// are kept as they are).
    func remapped(agentMap: [Int?], queueMap: [Int?]) -> TimerEntry.Kind? {
        switch self {
        case .agent(let agent): agentMap[agent].map { .agent($0) }
        case .presence(let agent): agentMap[agent].map { .presence(agent: $0) }
        case .ringTimeout(let agent, let offer): agentMap[agent].map { .ringTimeout(agent: $0, offer: offer) }
        case .noAgent(let queue): queueMap[queue].map { .noAgent(queue: $0) }
        case .caller, .ringStep: self
        }
    }
}
