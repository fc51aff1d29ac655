@testable import ACD

extension ACDEngine {
    /// Cross-checks the hot-path structures against the records; returns one line per breach.
    func audit() -> [String] {
        var issues: [String] = []
        let now = lastNow
        for (queueNumber, queue) in queues.enumerated() {
            var ready = 0
            for member in queue.roster.members {
                let agent = agents[member.agent]
                let idle: Bool = if case .idle = agent.activity { true } else { false }
                let expected = idle && agent.status == .available && agent.backOffUntil <= now
                    && presenceAllows(agent, in: queueNumber, now: now)
                if expected != member.isReady { issues.append("\(agent.configuration.id) ready=\(member.isReady) in \(queue.configuration.id)") }
                if member.isReady { ready += 1 }
            }
            if ready != queue.roster.readyCount { issues.append("\(queue.configuration.id) readyCount") }
            let waiting = callers.compactMap { $0 }.filter { $0.queue == queueNumber && $0.lineToken != 0 }.count
            if waiting != queue.line.count { issues.append("\(queue.configuration.id) line count \(queue.line.count) vs \(waiting)") }
        }
        for (slot, caller) in callers.enumerated() {
            guard let caller else { continue }
            if slotByCall[caller.callID] != slot { issues.append("\(caller.callID) index") }
            for agent in caller.offered where agents[agent].activity.offerSlot != slot {
                issues.append("\(caller.callID) offered to \(agents[agent].configuration.id) who is not reserved for it")
            }
            let connected: Bool = if case .connected = caller.phase { true } else { false }
            if connected == queues[caller.queue].present.contains(slot) { issues.append("\(caller.callID) presence in queue") }
        }
        for agent in agents {
            switch agent.activity {
            case .reserved(let slot, _), .offering(let slot, _):
                if callers[slot]?.offered.contains(agentIndex[agent.configuration.id] ?? -1) != true {
                    issues.append("\(agent.configuration.id) reserved for a caller that does not list it")
                }
            case .onCall(let slot):
                guard case .connected(let connected, _, _) = callers[slot]?.phase, agents[connected].configuration.id == agent.configuration.id else {
                    issues.append("\(agent.configuration.id) on a call that is not connected to it")
                    break
                }
            case .idle, .wrapUp:
                break
            }
        }
        return issues
    }

    /// Whether a caller of the same queue, priority and requirements, earlier in line and with no
    /// personal exclusions, still waits while `callID` was just offered.
    func overtakenCaller(by callID: CallID) -> CallID? {
        guard let slot = slotByCall[callID], let offered = callers[slot] else { return nil }
        return callers.compactMap { $0 }.first { other in
            other.queue == offered.queue && other.lineToken != 0 && other.priority == offered.priority
                && other.signature == offered.signature && other.declinedBy.isEmpty
                && (other.order, other.sequence) < (offered.order, offered.sequence)
        }?.callID
    }
}
