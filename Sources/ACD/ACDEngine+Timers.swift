extension ACDEngine {
    /// Adds a timer.
    mutating func schedule(_ kind: TimerEntry.Kind, at deadline: ACDInstant) {
        counter += 1
        timers.insert(TimerEntry(deadline: deadline, sequence: counter, kind: kind))
    }

    /// Fires every timer due at `now`, in deadline order.
    mutating func runDueTimers(now: ACDInstant) {
        while let next = timers.min, next.deadline <= now {
            timers.removeMin()
            switch next.kind {
            case .agent(let agent):
                agentTimer(agent, now: now)
            case .presence(let agent):
                presenceTimer(agent, deadline: next.deadline, now: now)
            case .caller(let slot, let serial):
                guard let caller = callers[slot], caller.serial == serial, caller.nextCheck == next.deadline else { continue }
                callers[slot]?.nextCheck = nil
                callerCheck(slot, now: now)
            case .ringTimeout(let agent, let offer):
                ringTimedOut(agent: agent, offer: offer, now: now)
            case .ringStep(let slot, let round):
                ringStep(slot, round: round, now: now)
            case .noAgent(let queue):
                evaluateStayPolicy(of: queue, now: now)
            }
        }
    }

    /// Keeps one pending check per caller at the earliest of: max wait, the next tier or skill
    /// rule, the end of a hold or of the preferred-agent wait.
    mutating func scheduleCallerCheck(_ slot: Int, now: ACDInstant) {
        guard let caller = callers[slot] else { return }
        let queue = queues[caller.queue]
        var candidates: [ACDInstant] = []
        if let maxWait = queue.configuration.maxWait { candidates.append(caller.enteredQueueAt + maxWait) }
        switch caller.phase {
        case .waiting:
            if let threshold = queue.nextRuleThreshold(after: (now - caller.order).nanoseconds) {
                candidates.append(caller.order + .nanoseconds(threshold))
            }
        case .held(let until), .preferred(_, let until):
            candidates.append(until)
        case .offering, .connected:
            break
        }
        guard let next = candidates.filter({ $0 > now }).min() else { return }
        if let pending = caller.nextCheck, pending > now, pending <= next { return }
        callers[slot]?.nextCheck = next
        schedule(.caller(slot: slot, serial: caller.serial), at: next)
    }

    /// A caller's check: max wait, holds ending, widening rules.
    private mutating func callerCheck(_ slot: Int, now: ACDInstant) {
        guard let caller = callers[slot] else { return }
        if let maxWait = queues[caller.queue].configuration.maxWait, now - caller.enteredQueueAt >= maxWait {
            switch caller.phase {
            case .connected: break
            default: return overflow(slot, reason: .timeout, now: now)
            }
        }
        switch caller.phase {
        case .held(let until) where until <= now:
            enterLine(slot)
        case .preferred(_, let until) where until <= now:
            detach(slot)
            enterLine(slot)
        case .waiting:
            markDirty(caller.queue)
        default:
            break
        }
        scheduleCallerCheck(slot, now: now)
    }
}
