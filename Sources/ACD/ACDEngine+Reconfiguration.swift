extension ACDEngine {
    /// This engine rebuilt for `configuration` at `now` (a configuration reload), with everything
    /// live carried over by queue and agent id, and the decisions the change causes.
    ///
    /// Carried over: waiting callers with their places in line (arrival order, priority, kept
    /// positions), holds and preferred-agent waits; offers that are reserved or ringing, with their
    /// ring timeouts; answered calls; agents' statuses (pauses, RONA breaks and their ends), presence,
    /// wrap-up and back-off deadlines, idle times and miss counts; queue and agent statistics, the
    /// handle times behind the EWT, per-member answer and talk counters, round-robin position,
    /// emergency switches, rejoin places and last agents. The new rules apply from `now`: a caller's
    /// max wait and widening follow the new queue settings; timers already set (ring timeouts,
    /// wrap-up ends) keep their deadlines. New agents start logged out, as at start-up.
    ///
    /// Refused, leaving this engine in use, when the configuration is invalid or leaves out a queue
    /// that still has calls or an agent who is reserved, ringing or on a call.
    public func reconfigured(to configuration: ACDConfiguration, now: ACDInstant) throws(ReconfigurationError)
        -> (engine: ACDEngine, decisions: [ACDDecision]) {
        let now = max(now, lastNow)
        var next: ACDEngine
        do {
            next = try ACDEngine(configuration: configuration, statistics: statistics, randomNumberGenerator: generator,
                                 now: now, knownSkills: skillNames)
        } catch {
            throw .invalid(error)
        }
        let agentMap = agents.map { next.agentIndex[$0.configuration.id] }
        let queueMap = queues.map { next.queueIndex[$0.configuration.id] }
        try refuseRemovalsInUse(agentMap: agentMap, queueMap: queueMap)
        next.carryOver(from: self, agentMap: agentMap, queueMap: queueMap, now: now)
        let decisions = next.takeDecisions()
        return (next, decisions)
    }

    private func refuseRemovalsInUse(agentMap: [Int?], queueMap: [Int?]) throws(ReconfigurationError) {
        var callsByQueue: [Int: Int] = [:]
        for caller in callers.compactMap({ $0 }) where queueMap[caller.queue] == nil {
            callsByQueue[caller.queue, default: 0] += 1
        }
        if let (queue, calls) = callsByQueue.min(by: { $0.key < $1.key }) {
            throw .queueInUse(queues[queue].configuration.id, calls: calls)
        }
        for (index, agent) in agents.enumerated() where agentMap[index] == nil {
            switch agent.activity {
            case .reserved(let slot, _), .offering(let slot, _), .onCall(let slot):
                throw .agentInUse(agent.configuration.id, call: callers[slot]?.callID ?? "")
            case .idle, .wrapUp:
                continue
            }
        }
    }

    /// Fills this freshly built engine with `old`'s live state (see ``reconfigured(to:now:)``).
    private mutating func carryOver(from old: ACDEngine, agentMap: [Int?], queueMap: [Int?], now: ACDInstant) {
        counter = old.counter
        offersSuspended = old.offersSuspended
        signatures = old.signatures
        rejoinMemory = old.rejoinMemory.remapped { key, place in
            queueMap[key.queue].map { (RejoinKey(queue: $0, callerNumber: key.callerNumber), place) }
        }
        lastAgentMemory = old.lastAgentMemory.remapped { number, agent in agentMap[agent].map { (number, $0) } }
        for queue in queues.indices { queues[queue].noAgentSince = nil }
        for (oldIndex, newIndex) in queueMap.enumerated() {
            guard let newIndex else { continue }
            carryQueue(old.queues[oldIndex], into: newIndex, agentMap: agentMap)
        }
        for (oldIndex, newIndex) in agentMap.enumerated() {
            guard let newIndex else { continue }
            carryAgent(old.agents[oldIndex], into: newIndex, queueMap: queueMap)
        }
        for entry in old.timers.unordered {
            if let kind = entry.kind.remapped(agentMap: agentMap, queueMap: queueMap) {
                timers.insert(TimerEntry(deadline: entry.deadline, sequence: entry.sequence, kind: kind))
            }
        }
        freeSlots = old.freeSlots
        slotByCall = old.slotByCall
        callers = old.callers.map { $0?.remapped(agentMap: agentMap, queueMap: queueMap) }
        recountStaffing()
        for slot in callers.indices { readmit(slot, now: now) }
        for agent in agents.indices {
            agents[agent].presenceCheck = nil
            schedulePresenceCheck(of: agent, now: now)
            refreshReadiness(of: agent, now: now)
        }
        for queue in queues.indices {
            evaluateStayPolicy(of: queue, now: now)
            markDirty(queue)
        }
        dispatch(now: now)
    }

    /// Staffed and logged-in members of every queue, from the agents' statuses.
    private mutating func recountStaffing() {
        for queue in queues.indices {
            queues[queue].staffed = 0
            queues[queue].loggedIn = 0
        }
        for agent in agents {
            for membership in agent.memberships {
                if agent.status == .available { queues[membership.queue].staffed += 1 }
                if agent.status != .loggedOut { queues[membership.queue].loggedIn += 1 }
            }
        }
    }

    /// Puts a carried caller back where it was: its queue's requirements merged again, in the
    /// line (or on its preferred agent's list) at its order key, and its next check scheduled.
    private mutating func readmit(_ slot: Int, now: ACDInstant) {
        guard var caller = callers[slot] else { return }
        caller.needs = requirements(of: caller, in: caller.queue)
        caller.signature = signature(of: caller.needs)
        callers[slot] = caller
        switch caller.phase {
        case .connected:
            return
        case .waiting:
            enterLine(slot)
        case .preferred(let agent, _):
            preferredWaiters[agent, default: []].append(slot)
        case .held, .offering:
            if caller.callbackHeld { queues[caller.queue].heldCallbacks += 1 }
        }
        queues[caller.queue].present.insert(slot)
        scheduleCallerCheck(slot, now: now)
    }
}
