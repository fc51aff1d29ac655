extension ACDEngine {
    /// Explains who could take the call now and why every other member of its queue could not.
    ///
    /// Scans the queue's members (off the hot path); `nil` for an unknown or answered call.
    public func explain(callID: CallID, now: ACDInstant) -> OfferExplanation? {
        guard let slot = slotByCall[callID], let caller = callers[slot] else { return nil }
        if case .connected = caller.phase { return nil }
        return explanation(for: slot, now: max(now, lastNow))
    }

    /// The explanation for the caller in `slot`, computed from the members' state (not from the
    /// eligible sets, so it also cross-checks them).
    func explanation(for slot: Int, now: ACDInstant) -> OfferExplanation? {
        guard let caller = callers[slot] else { return nil }
        let queue = queues[caller.queue]
        var ranked: [(key: (Int, Int64, Int64), agent: AgentID)] = []
        var skipped: [SkippedAgent] = []
        for (index, member) in queue.roster.members.enumerated() {
            let agent = agents[member.agent]
            if let reason = skipReason(agent, member: member, caller: caller, now: now) {
                skipped.append(SkippedAgent(agent: agent.configuration.id, reason: reason))
            } else {
                let key = queue.configuration.strategy.isSampled ? (0, Int64(index)) : readyKey(of: agent, member: index, in: caller.queue)
                ranked.append(((member.level, key.0, key.1), agent.configuration.id))
            }
        }
        ranked.sort { $0.key < $1.key }
        return OfferExplanation(callID: caller.callID, queue: queue.configuration.id, candidates: ranked.map(\.agent), skipped: skipped)
    }

    private func skipReason(_ agent: AgentRecord, member: QueueRoster.Member, caller: CallerRecord, now: ACDInstant) -> SkipReason? {
        if let reason = agentSkipReason(agent, in: caller.queue, now: now) { return reason }
        let wait = (now - caller.order).nanoseconds
        let allowed = queues[caller.queue].allowedTier(afterWaiting: wait)
        if member.tier > allowed { return .tierNotYetAllowed(tier: member.tier, allowedTier: allowed) }
        if caller.declinedBy.contains(member.agent) { return .declinedThisCall }
        let reduction = queues[caller.queue].skillReduction(afterWaiting: wait)
        for need in caller.needs where need.level - reduction > 0 && agent.level(of: need.skill) < need.level - reduction {
            return .notSkilled(skill: skillNames[need.skill], required: need.level - reduction, has: agent.level(of: need.skill))
        }
        return nil
    }
}
