import TeamsPresence

extension ACDEngine {
    /// The agent or a supervisor (or RONA) sets the agent's status.
    mutating func changeStatus(of agent: Int, to status: AgentStatus, now: ACDInstant) {
        let old = agents[agent].status
        guard old != status else { return }
        agents[agent].status = status
        agents[agent].ronaBreakUntil = nil
        let staffing = (status == .available ? 1 : 0) - (old == .available ? 1 : 0)
        let presence = (status == .loggedOut ? 0 : 1) - (old == .loggedOut ? 0 : 1)
        for membership in agents[agent].memberships {
            queues[membership.queue].staffed += staffing
            queues[membership.queue].loggedIn += presence
        }
        if old == .loggedOut, agents[agent].lastCallEndedAt == nil { agents[agent].idleSince = now }
        if status == .available { agents[agent].consecutiveMisses = 0 }
        if status != .available, let slot = agents[agent].activity.offerSlot, let caller = callers[slot] {
            decisions.append(.cancelOffer(caller.callID, agents: [agents[agent].configuration.id], reason: .agentUnavailable))
            agents[agent].activity = .idle
            release(agent, from: slot, trunkFailure: false, now: now)
        }
        refreshReadiness(of: agent, now: now)
        for membership in agents[agent].memberships { evaluateStayPolicy(of: membership.queue, now: now) }
    }

    /// A status kept across a restart; a break with an end (RONA) ends at `breakUntil`, at once if that has passed.
    mutating func restoreStatus(of agent: Int, to status: AgentStatus, breakUntil: ACDInstant?, now: ACDInstant) {
        guard case .onBreak = status, let breakUntil else { return changeStatus(of: agent, to: status, now: now) }
        guard breakUntil > now else { return changeStatus(of: agent, to: .available, now: now) }
        changeStatus(of: agent, to: status, now: now)
        agents[agent].ronaBreakUntil = breakUntil
        schedule(.agent(agent), at: breakUntil)
    }

    /// A new presence observation (an older one than the current is ignored).
    mutating func updatePresence(of agent: Int, _ presence: TeamsPresence, observedAt: ACDInstant, now: ACDInstant) {
        if agents[agent].presence != nil, observedAt < agents[agent].presenceObservedAt { return }
        agents[agent].presence = presence
        agents[agent].presenceObservedAt = observedAt
        if agents[agent].presenceCheck == nil { schedulePresenceCheck(of: agent, now: now) }
        refreshReadiness(of: agent, now: now)
    }

    /// Presence may have gone stale: re-check, and keep one check pending while it is fresh.
    mutating func presenceTimer(_ agent: Int, deadline: ACDInstant, now: ACDInstant) {
        guard agents[agent].presenceCheck == deadline else { return }
        agents[agent].presenceCheck = nil
        schedulePresenceCheck(of: agent, now: now)
        refreshReadiness(of: agent, now: now)
    }

    mutating func schedulePresenceCheck(of agent: Int, now: ACDInstant) {
        let stale = agents[agent].presenceObservedAt + configuration.presenceStaleness + .nanoseconds(1)
        guard stale > now else { return }
        agents[agent].presenceCheck = stale
        schedule(.presence(agent: agent), at: stale)
    }

    /// The agent ends wrap-up before its time.
    mutating func endWrapUpEarly(_ agent: Int, now: ACDInstant) {
        guard case .wrapUp(_, let queue, let talk, let endedAt) = agents[agent].activity else {
            return decisions.append(.ignored(.notInWrapUp(agents[agent].configuration.id)))
        }
        finishHandling(of: agent, queue: queue, talk: talk, wrapUp: now - endedAt, now: now)
    }

    /// The agent's timer: wrap-up end, back-off end, RONA break end.
    mutating func agentTimer(_ agent: Int, now: ACDInstant) {
        if let until = agents[agent].ronaBreakUntil, until <= now {
            changeStatus(of: agent, to: .available, now: now)
            decisions.append(.agentStatusChanged(agents[agent].configuration.id, .available))
        }
        if case .wrapUp(let until, let queue, let talk, let endedAt) = agents[agent].activity, until <= now {
            finishHandling(of: agent, queue: queue, talk: talk, wrapUp: until - endedAt, now: now)
        } else {
            refreshReadiness(of: agent, now: now)
        }
    }

    /// Ends an answered call: the agent goes to wrap-up (or idle) and the caller is answered.
    mutating func endCall(_ slot: Int, wrapUp: Bool, now: ACDInstant) {
        guard let caller = callers[slot] else { return }
        guard case .connected(let agent, let answeredAt, let wait) = caller.phase else { return abandon(slot, now: now) }
        let queue = caller.queue
        let configuration = queues[queue].configuration
        let talk = now - answeredAt
        if let member = queues[queue].memberIndex[agent] { queues[queue].roster.recordTalk(talk.nanoseconds, of: member) }
        agents[agent].lastCallEndedAt = now
        agents[agent].idleSince = now
        var wrap = agents[agent].configuration.wrapUp ?? configuration.wrapUp
        if let ceiling = configuration.wrapUpCeiling { wrap = min(wrap, ceiling) }
        if wrapUp, wrap > .zero {
            agents[agent].activity = .wrapUp(until: now + wrap, queue: queue, talk: talk, endedAt: now)
            schedule(.agent(agent), at: now + wrap)
        } else {
            finishHandling(of: agent, queue: queue, talk: talk, wrapUp: .zero, now: now)
        }
        if let preferred = configuration.preferredAgent {
            lastAgentMemory.store(agent, for: caller.callerNumber, until: now + preferred.rememberFor)
        }
        finish(slot, .answered(agent: agents[agent].configuration.id, queue: configuration.id, wait: wait))
    }

    /// Counts a failed offer against the agent (back-off, RONA), except a trunk failure.
    mutating func applyFailure(of agent: Int, reason: OfferFailureReason, now: ACDInstant) {
        agents[agent].statistics.failures[reason, default: 0] += 1
        agents[agent].activity = .idle
        let rona = configuration.rona
        if reason != .trunkFailure, let backOff = rona.backOff[reason], backOff > .zero {
            agents[agent].backOffUntil = now + backOff
            agents[agent].backOffReason = reason
            schedule(.agent(agent), at: now + backOff)
        }
        if rona.countedFailures.contains(reason), reason != .trunkFailure {
            agents[agent].consecutiveMisses += 1
            if rona.missLimit > 0, agents[agent].consecutiveMisses >= rona.missLimit {
                agents[agent].statistics.ronaBreaks += 1
                changeStatus(of: agent, to: .onBreak(.rona), now: now)
                if rona.breakDuration > .zero {
                    agents[agent].ronaBreakUntil = now + rona.breakDuration
                    schedule(.agent(agent), at: now + rona.breakDuration)
                }
                decisions.append(.agentStatusChanged(agents[agent].configuration.id, .onBreak(.rona)))
            }
        }
        refreshReadiness(of: agent, now: now)
    }

    /// Puts the agent in or takes it out of each of its queues' eligible sets.
    mutating func refreshReadiness(of agent: Int, now: ACDInstant) {
        let record = agents[agent]
        let idle: Bool = if case .idle = record.activity { true } else { false }
        let routable = idle && record.status == .available && record.backOffUntil <= now
        for (queue, member) in record.memberships {
            let ready = routable && presenceAllows(record, in: queue, now: now)
            guard ready != queues[queue].roster.members[member].isReady else { continue }
            if ready {
                let key = readyKey(of: record, member: member, in: queue)
                queues[queue].roster.insert(member, primary: key.primary, secondary: key.secondary)
                markDirty(queue)
                if preferredWaiters[agent] != nil { pendingPreferred.append(agent) }
            } else {
                queues[queue].roster.remove(member)
            }
        }
    }

    /// Whether the agent's presence (fresh, or unknown when stale) allows offers for `queue`.
    func presenceAllows(_ agent: AgentRecord, in queue: Int, now: ACDInstant) -> Bool {
        let fresh = now - agent.presenceObservedAt <= configuration.presenceStaleness
        var echo: Range<ACDInstant>?
        if let answered = agent.lastCallAnsweredAt, let ended = agent.lastCallEndedAt, answered <= ended {
            echo = answered..<(ended + configuration.ownCallPresenceGrace)
        }
        return queues[queue].configuration.presencePolicy.allows(
            fresh ? agent.presence : nil, observedAt: agent.presenceObservedAt, ownCallEcho: echo
        )
    }

    /// The strategy's sort key for a member becoming eligible (see ``RoutingStrategy``).
    func readyKey(of agent: AgentRecord, member: Int, in queue: Int) -> (primary: Int64, secondary: Int64) {
        let record = queues[queue]
        let idle = agent.idleSince.nanosecondsSinceEpoch
        switch record.configuration.strategy {
        case .linear:
            return (Int64(member), 0)
        case .roundRobin:
            return (member > record.roundRobinMember ? record.roundRobinRound : record.roundRobinRound + 1, Int64(member))
        case .fewestCalls:
            return (record.roster.members[member].answered, idle)
        case .leastTalkTime:
            return (record.roster.members[member].talkNanoseconds, idle)
        case .longestIdle, .ringAll, .ringProgressively, .random, .weightedRandom:
            return (idle, Int64(member))
        }
    }

    private mutating func finishHandling(of agent: Int, queue: Int, talk: Duration, wrapUp: Duration, now: ACDInstant) {
        queues[queue].statistics.handled += 1
        queues[queue].statistics.totalHandleTime += talk + wrapUp
        queues[queue].statistics.totalTalkTime += talk
        queues[queue].recordHandleTime((talk + wrapUp).nanoseconds)
        agents[agent].statistics.handled += 1
        agents[agent].statistics.totalTalkTime += talk
        agents[agent].statistics.totalWrapUpTime += wrapUp
        agents[agent].activity = .idle
        refreshReadiness(of: agent, now: now)
    }
}
