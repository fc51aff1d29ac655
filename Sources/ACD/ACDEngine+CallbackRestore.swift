/// Callback entries across a restart: the daemon stores each entry as the engine holds it
/// (``callbackEntry(of:)``) and feeds it back to the next engine before the first offer
/// (``ACDEvent/callbackRestored(_:)``), at its place: its original order key puts it ahead of every
/// caller of its priority who arrives later, and its wait and `maxWait` count from its original
/// entry into the queue.
extension ACDEngine {
    /// The callback entry of `callID` as the engine holds it now; nil when the call is no callback
    /// entry, or is connected (its call back answered).
    public func callbackEntry(of callID: CallID) -> CallbackEntry? {
        guard let slot = slotByCall[callID], let caller = callers[slot], let attempts = caller.callbackAttempts else { return nil }
        var nextAttemptAt: ACDInstant?
        switch caller.phase {
        case .connected: return nil
        case .held(let until) where caller.callbackHeld: nextAttemptAt = until
        default: break
        }
        return CallbackEntry(
            callID: callID, queue: queues[caller.queue].configuration.id, callerNumber: caller.callerNumber, priority: caller.priority,
            requiredSkills: Dictionary(caller.ownNeeds.map { (skillNames[$0.skill], $0.level) }, uniquingKeysWith: max),
            placeTakenAt: caller.order, enteredQueueAt: caller.enteredQueueAt, attempts: attempts, nextAttemptAt: nextAttemptAt)
    }

    /// Takes a stored entry back: into the line at its place, or out of it until its next attempt
    /// (counted ahead of new callers meanwhile). An entry whose queue's `maxWait` has passed leaves
    /// as that rule makes any caller leave (its overflow target); one whose queue is gone is ignored
    /// (``IgnoredEvent/unknownQueue(_:)``), for the daemon to end.
    mutating func restoreCallback(_ entry: CallbackEntry, now: ACDInstant) {
        guard let queue = queueIndex[entry.queue] else { return decisions.append(.ignored(.unknownQueue(.id(entry.queue)))) }
        guard slotByCall[entry.callID] == nil else { return decisions.append(.ignored(.duplicateCall(entry.callID))) }
        let ownNeeds = entry.requiredSkills.map { SkillNeed(skill: intern($0.key), level: $0.value) }.sorted()
        counter += 1
        var caller = CallerRecord(
            callID: entry.callID, serial: counter, callerNumber: entry.callerNumber, ownNeeds: ownNeeds, priority: entry.priority,
            queue: queue, enteredQueueAt: entry.enteredQueueAt, order: entry.placeTakenAt, sequence: counter)
        caller.needs = requirements(of: caller, in: queue)
        caller.signature = signature(of: caller.needs)
        caller.callbackAttempts = entry.attempts
        let slot = place(caller)
        queues[queue].present.insert(slot)
        if let maxWait = queues[queue].configuration.maxWait, now - entry.enteredQueueAt >= maxWait {
            return overflow(slot, reason: .timeout, now: now)
        }
        if let until = entry.nextAttemptAt, until > now {
            callers[slot]?.phase = .held(until: until)
            callers[slot]?.callbackHeld = true
            queues[queue].heldCallbacks += 1
        } else {
            enterLine(slot)
        }
        scheduleCallerCheck(slot, now: now)
    }
}
