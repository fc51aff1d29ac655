/// Callbacks that keep the caller's place: a waiting caller of a queue with a ``CallbackConfiguration``
/// presses its key and hangs up, and stays in the queue as a *callback entry*, at the same place, counted
/// in every other caller's position and wait. When an agent answers the entry's offer, the caller is
/// called back; the agent is on that call from then on. An unanswered call back frees the agent (no
/// back-off, no RONA: the agent answered) and the entry waits out the retry interval out of the line
/// (still counted ahead of new callers and in their estimated wait), then returns to the line at its
/// original place; after the last attempt the entry ends as
/// ``CallerOutcome/callbackFailed(queue:attempts:)``.
extension ACDEngine {
    /// The callback key of the queue an unanswered caller waits in now; nil when that queue offers no
    /// callback, the caller already is a callback entry, or the engine holds no such caller.
    public func callbackKey(of callID: CallID) -> Character? {
        guard let slot = slotByCall[callID], let caller = callers[slot], caller.callbackAttempts == nil else { return nil }
        if case .connected = caller.phase { return nil }
        return queues[caller.queue].configuration.callback?.key
    }

    /// The callback events of ``ACDEvent``.
    mutating func handleCallback(_ event: ACDEvent, now: ACDInstant) {
        switch event {
        case .callbackRequested(let callID):
            if let slot = knownSlot(callID) { requestCallback(slot) }
        case .callbackConnected(let callID):
            guard let slot = knownSlot(callID), let caller = callers[slot], caller.callbackAttempts != nil,
                  case .connected(let agent, _, let wait) = caller.phase else { return }
            countAnswer(in: caller.queue, by: agent, wait: wait)
        case .callbackUnanswered(let callID):
            if let slot = knownSlot(callID) { callbackUnanswered(slot, now: now) }
        default:
            return
        }
    }

    /// Makes a waiting caller a callback entry; a caller being offered or connected, of a queue
    /// without callbacks, or without a number to call (`anonymous`: not `+` and digits) stays as it is.
    private mutating func requestCallback(_ slot: Int) {
        guard let caller = callers[slot], caller.callbackAttempts == nil,
              let callback = queues[caller.queue].configuration.callback else { return }
        let digits = caller.callerNumber.hasPrefix("+") ? caller.callerNumber.dropFirst() : Substring(caller.callerNumber)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return decisions.append(.ignored(.unknownCall(caller.callID)))
        }
        switch caller.phase {
        case .offering, .connected:
            return decisions.append(.ignored(.unknownCall(caller.callID)))
        case .waiting, .held, .preferred:
            break
        }
        callers[slot]?.callbackAttempts = 0
        let position = positionInLine(of: caller, isNewest: false)
        decisions.append(.callbackAccepted(caller.callID, queue: queues[caller.queue].configuration.id, position: position,
                                           callback: callback))
    }

    /// The call back was not answered: the agent is free at once (the offer was answered, so nothing
    /// counts against the agent, and no handle time is recorded), and the entry either waits for its
    /// next attempt at its place or fails after the last.
    private mutating func callbackUnanswered(_ slot: Int, now: ACDInstant) {
        guard let caller = callers[slot], let attempts = caller.callbackAttempts,
              case .connected(let agent, _, _) = caller.phase else { return }
        let queue = caller.queue
        let configuration = queues[queue].configuration
        agents[agent].activity = .idle
        agents[agent].lastCallEndedAt = now
        refreshReadiness(of: agent, now: now)
        let made = attempts + 1
        guard let callback = configuration.callback, made < callback.maximumAttempts else {
            return finish(slot, .callbackFailed(queue: configuration.id, attempts: made))
        }
        let until = now + callback.retryInterval
        callers[slot]?.callbackAttempts = made
        callers[slot]?.phase = .held(until: until)
        callers[slot]?.callbackHeld = true
        queues[queue].heldCallbacks += 1
        queues[queue].present.insert(slot)
        decisions.append(.callbackRetry(caller.callID, queue: configuration.id, attempt: made + 1, at: until))
        scheduleCallerCheck(slot, now: now)
    }

    /// A callback entry's wait for its next attempt is over (it enters the line or leaves the queue).
    mutating func endCallbackHold(_ slot: Int) {
        guard let caller = callers[slot], caller.callbackHeld else { return }
        callers[slot]?.callbackHeld = false
        queues[caller.queue].heldCallbacks -= 1
    }
}
