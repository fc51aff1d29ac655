extension ACDEngine {
    /// Ends every call the B2BUA no longer has: waiting or ringing callers abandon, answered calls
    /// end without wrap-up (the BYE was lost, the agent has been free for a while).
    mutating func reconcile(liveCalls: Set<CallID>, now: ACDInstant) {
        let gone = slotByCall.filter { !liveCalls.contains($0.key) }.map(\.value).sorted()
        for slot in gone {
            if case .connected = callers[slot]?.phase {
                endCall(slot, wrapUp: false, now: now)
            } else {
                abandon(slot, now: now)
            }
        }
    }

    /// Turns the emergency switch of one queue or all queues on or off.
    mutating func setEmergency(_ queue: QueueID?, active: Bool) {
        guard let queue else {
            for index in queues.indices { queues[index].emergency = active }
            return
        }
        guard let index = queueIndex[queue] else { return decisions.append(.ignored(.unknownQueue(.id(queue)))) }
        queues[index].emergency = active
    }

    /// The queue's schedule state at `now`: emergency > holiday > closed > open.
    func scheduleState(of queue: Int, at now: ACDInstant) -> ScheduleState {
        if queues[queue].emergency { return .emergency }
        guard let schedule = queues[queue].schedule, let calendar = queues[queue].calendar else { return .open }
        return schedule.state(at: calendar.localTime(at: now))
    }

    /// Applies the stay policy: callers overflow (no agents) once it has been unmet for the
    /// queue's ``QueueConfiguration/maxWaitWithNoAgent``.
    mutating func evaluateStayPolicy(of queue: Int, now: ACDInstant) {
        let configuration = queues[queue].configuration
        guard !queues[queue].admits(configuration.stayPolicy) else {
            queues[queue].noAgentSince = nil
            return
        }
        if queues[queue].noAgentSince == nil {
            queues[queue].noAgentSince = now
            if configuration.maxWaitWithNoAgent > .zero {
                schedule(.noAgent(queue: queue), at: now + configuration.maxWaitWithNoAgent)
            }
        }
        guard strandedTooLong(queue, now: now) else { return }
        let stranded = queues[queue].present.compactMap { slot in callers[slot].map { (slot, $0) } }
            .filter { if case .offering = $0.1.phase { false } else { true } }
            .sorted { ($0.1.order, $0.1.sequence) < ($1.1.order, $1.1.sequence) }
        for (slot, _) in stranded { overflow(slot, reason: .noAgents, now: now) }
    }

    /// Whether the queue's stay policy has been unmet for its max wait with no agent.
    func strandedTooLong(_ queue: Int, now: ACDInstant) -> Bool {
        guard let since = queues[queue].noAgentSince else { return false }
        return now - since >= queues[queue].configuration.maxWaitWithNoAgent
    }
}
