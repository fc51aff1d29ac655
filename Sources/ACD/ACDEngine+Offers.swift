extension ACDEngine {
    /// Reserves `members` of `queue` for the caller and tells the daemon to ring them.
    mutating func startOffer(_ slot: Int, in queue: Int, members: [Int], now: ACDInstant) {
        let explanation = configuration.explainOffers ? explanation(for: slot, now: now) : nil
        detach(slot)
        counter += 1
        callers[slot]?.phase = .offering
        callers[slot]?.offerRound = counter
        let configuration = queues[queue].configuration
        if configuration.strategy == .roundRobin, let first = members.first {
            queues[queue].roundRobinRound = queues[queue].roster.members[first].primary
            queues[queue].roundRobinMember = first
        }
        let offered = members.map { reserve(queues[queue].roster.members[$0].agent, for: slot, now: now) }
        guard let caller = callers[slot] else { return }
        decisions.append(.offer(ACDOffer(
            callID: caller.callID, queue: configuration.id, agents: offered,
            ringTimeout: configuration.ringTimeout, explanation: explanation
        )))
        if case .ringProgressively(let interval) = configuration.strategy {
            schedule(.ringStep(slot: slot, round: caller.offerRound), at: now + interval)
        }
    }

    /// Ring-progressively: adds the next best agent to a caller still ringing.
    mutating func ringStep(_ slot: Int, round: UInt64, now: ACDInstant) {
        guard let caller = callers[slot], caller.offerRound == round, case .offering = caller.phase,
              case .ringProgressively(let interval) = queues[caller.queue].configuration.strategy else { return }
        if !offersSuspended, let member = selectAgents(in: caller.queue, for: slot, now: now)?.first {
            let offered = reserve(queues[caller.queue].roster.members[member].agent, for: slot, now: now)
            let configuration = queues[caller.queue].configuration
            decisions.append(.offer(ACDOffer(
                callID: caller.callID, queue: configuration.id, agents: [offered],
                ringTimeout: configuration.ringTimeout, explanation: nil
            )))
        }
        schedule(.ringStep(slot: slot, round: round), at: now + interval)
    }

    /// The agent's leg rings: reserved becomes offering.
    mutating func offerRinging(_ slot: Int, agent: Int) {
        switch agents[agent].activity {
        case .reserved(let reserved, let offer) where reserved == slot:
            agents[agent].activity = .offering(slot: slot, offer: offer)
        case .offering(let offering, _) where offering == slot:
            break
        default:
            staleOffer(slot, agent: agent)
        }
    }

    /// The agent answered: cancel the other agents, connect, count the answer.
    mutating func offerAnswered(_ slot: Int, agent: Int, now: ACDInstant) {
        guard agents[agent].activity.offerSlot == slot, let caller = callers[slot] else { return staleOffer(slot, agent: agent) }
        agents[agent].activity = .onCall(slot: slot)
        agents[agent].lastCallAnsweredAt = now
        agents[agent].consecutiveMisses = 0
        agents[agent].statistics.answered += 1
        callers[slot]?.offered.removeAll { $0 == agent }
        cancelOffers(of: slot, reason: .answeredElsewhere, now: now)
        leaveQueue(slot)
        let wait = now - caller.enteredQueueAt
        callers[slot]?.phase = .connected(agent: agent, at: now, wait: wait)
        if caller.callbackAttempts == nil { countAnswer(in: caller.queue, by: agent, wait: wait) }
    }

    /// Counts an answered call in the queue's statistics and its member's answers.
    mutating func countAnswer(in queue: Int, by agent: Int, wait: Duration) {
        queues[queue].statistics.answered += 1
        queues[queue].statistics.totalAnsweredWait += wait
        if wait <= queues[queue].configuration.serviceLevelThreshold {
            queues[queue].statistics.answeredWithinServiceLevel += 1
        }
        if let member = queues[queue].memberIndex[agent] { queues[queue].roster.recordAnswer(of: member) }
    }

    /// The offer to one agent failed: apply the agent's back-off and RONA, then go on.
    mutating func offerFailed(_ slot: Int, agent: Int, reason: OfferFailureReason, now: ACDInstant) {
        guard agents[agent].activity.offerSlot == slot else { return staleOffer(slot, agent: agent) }
        applyFailure(of: agent, reason: reason, now: now)
        if reason == .declined { callers[slot]?.declinedBy.append(agent) }
        release(agent, from: slot, trunkFailure: reason == .trunkFailure, now: now)
    }

    /// The engine's own ring timeout for one offer, ``ACDConfiguration/offerReportGrace`` after the
    /// queue's (the B2BUA never reported it): cancel it, a no-answer if it rang, unreachable if not.
    mutating func ringTimedOut(agent: Int, offer: UInt64, now: ACDInstant) {
        let slot: Int
        let reason: OfferFailureReason
        switch agents[agent].activity {
        case .reserved(let reserved, let current) where current == offer: (slot, reason) = (reserved, .unreachable)
        case .offering(let offering, let current) where current == offer: (slot, reason) = (offering, .noAnswer)
        default: return
        }
        if let caller = callers[slot] {
            decisions.append(.cancelOffer(caller.callID, agents: [agents[agent].configuration.id], reason: .ringTimeout))
        }
        applyFailure(of: agent, reason: reason, now: now)
        release(agent, from: slot, trunkFailure: false, now: now)
    }

    /// Stops every offer of the caller without counting it against the agents.
    mutating func cancelOffers(of slot: Int, reason: CancelReason, now: ACDInstant) {
        guard let caller = callers[slot], !caller.offered.isEmpty else { return }
        callers[slot]?.offered = []
        for agent in caller.offered {
            agents[agent].activity = .idle
            refreshReadiness(of: agent, now: now)
        }
        decisions.append(.cancelOffer(caller.callID, agents: caller.offered.map { agents[$0].configuration.id }, reason: reason))
    }

    /// Frees the agent from the caller's offer; a caller left with no ringing agent waits again
    /// (after a hold when the trunk failed).
    mutating func release(_ agent: Int, from slot: Int, trunkFailure: Bool, now: ACDInstant) {
        callers[slot]?.offered.removeAll { $0 == agent }
        guard let caller = callers[slot], caller.offered.isEmpty, case .offering = caller.phase else { return }
        if trunkFailure {
            let until = now + configuration.trunkFailureRetryDelay
            callers[slot]?.phase = .held(until: until)
            scheduleCallerCheck(slot, now: now)
        } else {
            enterLine(slot)
        }
    }

    private mutating func reserve(_ agent: Int, for slot: Int, now: ACDInstant) -> OfferedAgent {
        counter += 1
        agents[agent].activity = .reserved(slot: slot, offer: counter)
        agents[agent].statistics.offered += 1
        callers[slot]?.offered.append(agent)
        refreshReadiness(of: agent, now: now)
        if let queue = callers[slot]?.queue {
            schedule(.ringTimeout(agent: agent, offer: counter), at: now + queues[queue].configuration.ringTimeout + self.configuration.offerReportGrace)
        }
        let configuration = agents[agent].configuration
        return OfferedAgent(id: configuration.id, number: configuration.number, teamsObjectID: configuration.teamsObjectID)
    }

    private mutating func staleOffer(_ slot: Int, agent: Int) {
        if let caller = callers[slot] {
            decisions.append(.ignored(.staleOffer(caller.callID, agents[agent].configuration.id)))
        }
    }
}
