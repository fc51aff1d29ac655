extension ACDEngine {
    /// Every queue, in configuration order.
    public var queueIDs: [QueueID] { queues.map(\.configuration.id) }

    /// Every agent, in configuration order.
    public var agentIDs: [AgentID] { agents.map(\.configuration.id) }

    /// The queue's schedule state, staffing and statistics at `now`, or `nil` for an unknown queue.
    public func queue(_ id: QueueID, now: ACDInstant) -> QueueSnapshot? {
        guard let index = queueIndex[id] else { return nil }
        let record = queues[index]
        return QueueSnapshot(
            id: id, schedule: scheduleState(of: index, at: max(now, lastNow)), emergency: record.emergency,
            members: record.roster.members.count, loggedIn: record.loggedIn, staffed: record.staffed,
            ready: record.roster.readyCount, estimatedWait: estimatedWait(in: id), statistics: record.statistics
        )
    }

    /// For each queue the agent serves, whether the agent could be offered its calls at `now` and,
    /// if not, the agent's first reason (status, then state, back-off, then the queue's presence
    /// policy); `nil` for an unknown agent.
    public func routability(of id: AgentID, now: ACDInstant) -> [QueueRoutability]? {
        guard let index = agentIndex[id] else { return nil }
        let agent = agents[index]
        let now = max(now, lastNow)
        return agent.memberships.map { membership in
            QueueRoutability(queue: queues[membership.queue].configuration.id, blockedBy: agentSkipReason(agent, in: membership.queue, now: now))
        }
    }

    /// The agent's own reason not to be offered calls of `queue` now, whoever the caller.
    func agentSkipReason(_ agent: AgentRecord, in queue: Int, now: ACDInstant) -> SkipReason? {
        switch agent.status {
        case .loggedOut: return .loggedOut
        case .onBreak(let reason): return .onBreak(reason)
        case .available: break
        }
        switch agent.activity {
        case .idle: break
        case .reserved(let slot, _): return .reserved(callers[slot]?.callID ?? "")
        case .offering(let slot, _): return .offering(callers[slot]?.callID ?? "")
        case .onCall(let slot): return .onCall(callers[slot]?.callID ?? "")
        case .wrapUp(let until, _, _, _): return .wrapUp(remaining: until - now)
        }
        if agent.backOffUntil > now, let reason = agent.backOffReason {
            return .backOff(reason, remaining: agent.backOffUntil - now)
        }
        if !presenceAllows(agent, in: queue, now: now) {
            guard let presence = agent.presence else { return .presenceUnknown }
            let age = now - agent.presenceObservedAt
            return age > configuration.presenceStaleness ? .presenceStale(age: age) : .presence(presence)
        }
        return nil
    }
}
