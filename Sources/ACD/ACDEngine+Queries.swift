extension ACDEngine {
    /// The estimated wait of a caller at `position` (1 is next) in `queue`.
    ///
    /// Method ("position over staffed agents", O(1) per estimate): let I be the queue's eligible
    /// idle agents, N its staffed agents (status available, whatever their state), and AHT the
    /// mean of the queue's last ``QueueConfiguration/handleTimeWindow`` handle times (talk plus
    /// wrap-up; ``QueueConfiguration/initialHandleTime`` before the first). A caller at a position
    /// p ≤ I is offered at once: EWT 0. Otherwise it needs the k-th agent to free up, k = p − I.
    /// With N agents each busy for AHT, one frees up every AHT / N on average, and the first after
    /// half of that (the agents are at random points of their calls), so EWT = (k − ½) · AHT / N.
    /// With no staffed agent the wait is unknown (`nil`). The tests compare it to actual waits.
    func estimatedWait(in queue: Int, position: Int) -> Duration? {
        let record = queues[queue]
        let idle = record.roster.readyCount
        if position <= idle { return .zero }
        guard record.staffed > 0 else { return nil }
        let handleTime = record.handleTimes.isEmpty
            ? record.configuration.initialHandleTime.nanoseconds
            : record.handleTimeSum / Int64(record.handleTimes.count)
        let ahead = Int64(position - idle)
        return .nanoseconds((2 * ahead - 1) * handleTime / (2 * Int64(record.staffed)))
    }

    /// The estimated wait of a new caller in `queue` now (see ``estimatedWait(in:position:)``'s method).
    public func estimatedWait(in queue: QueueID) -> Duration? {
        guard let index = queueIndex[queue] else { return nil }
        return estimatedWait(in: index, position: queues[index].line.count + queues[index].heldCallbacks + 1)
    }

    /// Statistics of every queue and agent, to export or persist.
    public var statistics: ACDStatistics {
        ACDStatistics(
            queues: Dictionary(uniqueKeysWithValues: queues.map { ($0.configuration.id, $0.statistics) }),
            agents: Dictionary(uniqueKeysWithValues: agents.map { ($0.configuration.id, $0.statistics) })
        )
    }

    /// The agent's status, state, presence and RONA counters, or `nil` for an unknown agent.
    public func agent(_ id: AgentID) -> AgentSnapshot? {
        guard let index = agentIndex[id] else { return nil }
        let agent = agents[index]
        let state: AgentState = switch agent.activity {
        case .idle: .idle
        case .reserved(let slot, _): .reserved(callers[slot]?.callID ?? "")
        case .offering(let slot, _): .offering(callers[slot]?.callID ?? "")
        case .onCall(let slot): .onCall(callers[slot]?.callID ?? "")
        case .wrapUp(let until, _, _, _): .wrapUp(until: until)
        }
        return AgentSnapshot(
            id: id, status: agent.status, state: state, presence: agent.presence,
            presenceObservedAt: agent.presence == nil ? nil : agent.presenceObservedAt,
            backOffUntil: agent.backOffUntil > lastNow ? agent.backOffUntil : nil,
            consecutiveMisses: agent.consecutiveMisses, ronaBreakUntil: agent.ronaBreakUntil
        )
    }

    /// The callers in `queue` not yet answered, in order (priority, then arrival), ringing ones first.
    public func waitingCallers(in queue: QueueID, now: ACDInstant) -> [WaitingCallerSnapshot] {
        guard let index = queueIndex[queue] else { return [] }
        let present = queues[index].present.compactMap { callers[$0] }
            .sorted { (-$0.priority, $0.order, $0.sequence) < (-$1.priority, $1.order, $1.sequence) }
        var position = 0
        return present.map { caller in
            let ringing = caller.offered.map { agents[$0].configuration.id }
            if ringing.isEmpty { position += 1 }
            let place = ringing.isEmpty ? position : 0
            return WaitingCallerSnapshot(
                callID: caller.callID, callerNumber: caller.callerNumber, position: place,
                priority: caller.priority, waited: max(now, lastNow) - caller.enteredQueueAt,
                ewt: ringing.isEmpty ? estimatedWait(in: index, position: place) : .zero, ringing: ringing
            )
        }
        .sorted { ($0.position == 0 ? 0 : 1, $0.position) < ($1.position == 0 ? 0 : 1, $1.position) }
    }
}
