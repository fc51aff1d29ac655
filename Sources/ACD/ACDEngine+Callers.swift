extension ACDEngine {
    /// A caller arrives: find the queue, restore a kept place, and admit.
    mutating func callerArrived(_ arrival: CallerArrival, now: ACDInstant) {
        let queue: Int? = switch arrival.queue {
        case .number(let number): numberIndex[number]
        case .id(let id): queueIndex[id]
        }
        guard let queue else { return decisions.append(.ignored(.unknownQueue(arrival.queue))) }
        guard slotByCall[arrival.callID] == nil else { return decisions.append(.ignored(.duplicateCall(arrival.callID))) }
        let ownNeeds = arrival.requiredSkills.map { SkillNeed(skill: intern($0.key), level: $0.value) }.sorted()
        counter += 1
        var caller = CallerRecord(
            callID: arrival.callID, serial: counter, callerNumber: arrival.callerNumber, ownNeeds: ownNeeds,
            priority: arrival.priority, queue: queue, enteredQueueAt: now, order: now, sequence: counter
        )
        let key = RejoinKey(queue: queue, callerNumber: arrival.callerNumber)
        var keptPosition = false
        if queues[queue].configuration.rejoinWindow != nil, let place = rejoinMemory.value(for: key, at: now) {
            caller.order = place.order
            caller.sequence = place.sequence
            caller.priority = max(caller.priority, place.priority)
            rejoinMemory.remove(key)
            keptPosition = true
        }
        admit(place(caller), to: queue, keepingPosition: keptPosition, now: now)
    }

    /// Gives a new caller a slot (a free one first) and returns it.
    mutating func place(_ caller: CallerRecord) -> Int {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            callers[slot] = caller
        } else {
            slot = callers.count
            callers.append(caller)
        }
        slotByCall[caller.callID] = slot
        return slot
    }

    /// Puts the caller in `queue`: schedule, capacity, join rule and EWT first, then the line (or
    /// the preferred agent).
    mutating func admit(_ slot: Int, to queue: Int, keepingPosition: Bool, now: ACDInstant) {
        guard var caller = callers[slot] else { return }
        caller.queue = queue
        caller.enteredQueueAt = now
        if !keepingPosition {
            counter += 1
            caller.order = now
            caller.sequence = counter
        }
        caller.needs = requirements(of: caller, in: queue)
        caller.signature = signature(of: caller.needs)
        callers[slot] = caller
        queues[queue].statistics.entered += 1
        let configuration = queues[queue].configuration
        if let reason = scheduleState(of: queue, at: now).overflowReason {
            return overflow(slot, reason: reason, now: now)
        }
        if let maxCallers = configuration.maxCallers, queues[queue].present.count >= maxCallers {
            return overflow(slot, reason: .full, now: now)
        }
        if !queues[queue].admits(configuration.joinPolicy) || strandedTooLong(queue, now: now) {
            return overflow(slot, reason: .noAgents, now: now)
        }
        queues[queue].present.insert(slot)
        let position = positionInLine(of: caller, isNewest: !keepingPosition) + (keepingPosition ? 0 : queues[queue].heldCallbacks)
        let ewt = estimatedWait(in: queue, position: position)
        if let threshold = configuration.ewtThreshold, let ewt, ewt > threshold {
            return overflow(slot, reason: .ewt, now: now)
        }
        decisions.append(.queued(caller.callID, queue: configuration.id, position: position, ewt: ewt))
        if let preferred = configuration.preferredAgent,
           let agent = lastAgentMemory.value(for: caller.callerNumber, at: now),
           let member = queues[queue].memberIndex[agent] {
            if queues[queue].roster.members[member].isReady, !offersSuspended {
                return startOffer(slot, in: queue, members: [member], now: now)
            }
            callers[slot]?.phase = .preferred(agent: agent, until: now + preferred.waitFor)
            preferredWaiters[agent, default: []].append(slot)
        } else {
            enterLine(slot)
        }
        scheduleCallerCheck(slot, now: now)
    }

    /// The queue's and the caller's own requirements merged: the higher level of each skill.
    func requirements(of caller: CallerRecord, in queue: Int) -> [SkillNeed] {
        var merged: [Int: Int] = [:]
        for need in queues[queue].needs + caller.ownNeeds { merged[need.skill] = max(merged[need.skill] ?? 0, need.level) }
        return merged.map { SkillNeed(skill: $0.key, level: $0.value) }.sorted()
    }

    /// Puts the caller in its queue's waiting line at its order key.
    mutating func enterLine(_ slot: Int) {
        endCallbackHold(slot)
        guard let caller = callers[slot] else { return }
        counter += 1
        let entry = WaitingLine.Entry(order: caller.order.nanosecondsSinceEpoch, sequence: caller.sequence, slot: Int32(slot), token: counter)
        let lineClass = queues[caller.queue].line.insert(entry, priority: caller.priority, signature: caller.signature)
        callers[slot]?.lineClass = lineClass
        callers[slot]?.lineToken = counter
        callers[slot]?.phase = .waiting
        markDirty(caller.queue)
    }

    /// Takes the caller out of the line or off its preferred agent's list (it stays in the queue).
    mutating func detach(_ slot: Int) {
        guard let caller = callers[slot] else { return }
        if caller.lineToken != 0 {
            callers[slot]?.lineToken = 0
            let snapshot = callers
            queues[caller.queue].line.remove(fromClass: caller.lineClass) { snapshot[Int($0.slot)]?.lineToken == $0.token }
        }
        if case .preferred(let agent, _) = caller.phase {
            preferredWaiters[agent]?.removeAll { $0 == slot }
            if preferredWaiters[agent]?.isEmpty == true { preferredWaiters[agent] = nil }
        }
    }

    /// Takes the caller out of its queue entirely.
    mutating func leaveQueue(_ slot: Int) {
        endCallbackHold(slot)
        guard let caller = callers[slot] else { return }
        detach(slot)
        queues[caller.queue].present.remove(slot)
    }

    /// Reports the caller's outcome and forgets the call.
    mutating func finish(_ slot: Int, _ outcome: CallerOutcome) {
        guard let caller = callers[slot] else { return }
        decisions.append(.callerFinished(caller.callID, outcome))
        slotByCall[caller.callID] = nil
        callers[slot] = nil
        freeSlots.append(slot)
    }

    /// The caller hung up (or vanished) before being answered; an answered call ends instead.
    mutating func abandon(_ slot: Int, now: ACDInstant) {
        guard let caller = callers[slot] else { return }
        if case .connected = caller.phase { return endCall(slot, wrapUp: true, now: now) }
        cancelOffers(of: slot, reason: .callerLeft, now: now)
        leaveQueue(slot)
        let configuration = queues[caller.queue].configuration
        queues[caller.queue].statistics.abandoned += 1
        if let window = configuration.rejoinWindow {
            rejoinMemory.store(
                RejoinPlace(order: caller.order, sequence: caller.sequence, priority: caller.priority),
                for: RejoinKey(queue: caller.queue, callerNumber: caller.callerNumber), until: now + window
            )
        }
        finish(slot, .abandoned(queue: configuration.id, wait: now - caller.enteredQueueAt))
    }

    /// Sends the caller to the target for `reason` (or `target` when a supervisor names one).
    mutating func overflow(_ slot: Int, reason: OverflowReason, target: OverflowTarget? = nil, now: ACDInstant) {
        guard let caller = callers[slot] else { return }
        let configuration = queues[caller.queue].configuration
        var target = target ?? configuration.overflowTargets[reason] ?? .hangUp(announcement: nil)
        if case .queue = target, caller.hops >= self.configuration.maxOverflowHops {
            target = .hangUp(announcement: nil)
        }
        cancelOffers(of: slot, reason: .overflow, now: now)
        leaveQueue(slot)
        queues[caller.queue].statistics.overflowed[reason, default: 0] += 1
        decisions.append(.overflow(caller.callID, from: configuration.id, reason: reason, target: target))
        if case .queue(let id, let keepPosition) = target, let next = queueIndex[id] {
            callers[slot]?.hops += 1
            admit(slot, to: next, keepingPosition: keepPosition, now: now)
        } else {
            finish(slot, .overflowed(queue: configuration.id, reason: reason, target: target))
        }
    }

    /// A supervisor changes the caller's priority; a waiting caller moves to its new place.
    mutating func reprioritize(_ slot: Int, to priority: Int) {
        guard let caller = callers[slot], caller.priority != priority else { return }
        let waiting = caller.lineToken != 0
        detach(slot)
        callers[slot]?.priority = priority
        if waiting { enterLine(slot) }
    }

    /// The caller's position among the waiting callers (1 is next) if it joined the line now.
    func positionInLine(of caller: CallerRecord, isNewest: Bool) -> Int {
        let entry = WaitingLine.Entry(order: caller.order.nanosecondsSinceEpoch, sequence: caller.sequence, slot: -1, token: 0)
        return queues[caller.queue].line.position(of: entry, priority: caller.priority, isNewest: isNewest) {
            callers[Int($0.slot)]?.lineToken == $0.token
        }
    }

    /// The interned identifier of a skill name (a new name gets a new identifier nobody has).
    mutating func intern(_ skill: String) -> Int {
        if let known = skillIndex[skill] { return known }
        skillIndex[skill] = skillNames.count
        skillNames.append(skill)
        return skillNames.count - 1
    }

    mutating func signature(of needs: [SkillNeed]) -> Int {
        if let known = signatures[needs] { return known }
        signatures[needs] = signatures.count
        return signatures.count - 1
    }
}
