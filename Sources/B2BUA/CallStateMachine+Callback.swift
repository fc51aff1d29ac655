/// Callbacks that keep the caller's place, as the call sees them:
///
/// ```
///  waiting (on hold) ─callBack─► confirming ─callbackConfirmed: BYE─► awaiting an agent (caller's leg ended)
///                                    │ agent answers                  │ agent answers    ▲ unanswered: BYE the agent
///                                    └──────────────► calling the caller back ───────────┘
///                                                        │ caller answers: media release
///                                                        ▼
///                                                     connected (as any call)
/// ```
/// The queue engine keeps the caller's place meanwhile and offers agents as for any waiting caller; an
/// agent is rung with Switchboard's own SDP offer, and only once the agent answers is the caller's
/// number rung (the agent first, RFC 3725 flow II-like).
extension CallStateMachine {
    /// Where a callback stands.
    enum Callback: Hashable, Sendable {
        /// The caller still on hold hears the confirmation prompt.
        case confirming(ringTimeout: Duration)
        /// The caller's leg is over; the call waits for an agent to answer its offer.
        case awaitingAgent(ringTimeout: Duration)
        /// The agent of `attempt` answered; the caller's number rings.
        case calling(attempt: Int, agent: AgentOffer, ringTimeout: Duration)
        /// The caller answered the call back: a connected call like any other.
        case connected
    }

    /// Whether the caller asked for a callback (agents are then offered Switchboard's own SDP).
    public var isCallback: Bool { callback != nil }

    /// The callback's handling of `event`; nil when the state's own handling applies.
    mutating func handleCallback(_ event: Event) -> [Action]? {
        if case .callBack(let ringTimeout) = event {
            guard callback == nil, hold == .playing, case .waiting(let ringing) = state, ringing.isEmpty else { return [] }
            callback = .confirming(ringTimeout: ringTimeout)
            return [.confirmCallback]
        }
        switch callback {
        case .confirming(let ringTimeout): return confirming(event, ringTimeout: ringTimeout)
        case .awaitingAgent(let ringTimeout): return awaitingAgent(event, ringTimeout: ringTimeout)
        case .calling(let attempt, let agent, let ringTimeout): return calling(event, attempt: attempt, agent: agent, ringTimeout: ringTimeout)
        case .connected, nil: return nil
        }
    }

    /// The caller still hears the confirmation; offers go on as for any waiting caller.
    private mutating func confirming(_ event: Event, ringTimeout: Duration) -> [Action]? {
        switch event {
        case .callbackConfirmed, .limitReached:
            return leaveCaller(ringTimeout: ringTimeout, sendBYE: true)
        case .callerHungUp:
            return leaveCaller(ringTimeout: ringTimeout, sendBYE: false)
        case .callerPressed:
            return []
        case .agentAnswered:
            let left = leaveCaller(ringTimeout: ringTimeout, sendBYE: true)
            return left + (awaitingAgent(event, ringTimeout: ringTimeout) ?? [])
        default:
            return nil
        }
    }

    /// Ends the caller's leg (BYE unless the caller hung up) and its stream; the place stays.
    private mutating func leaveCaller(ringTimeout: Duration, sendBYE: Bool) -> [Action] {
        callback = .awaitingAgent(ringTimeout: ringTimeout)
        return (sendBYE ? [.hangUpCaller] : []) + [.stopCallerStream]
    }

    /// No caller's leg: an agent's answer starts the call back; the engine's release or failure ends the call.
    private mutating func awaitingAgent(_ event: Event, ringTimeout: Duration) -> [Action]? {
        guard case .waiting(var ringing) = state else { return [] }
        let cancelAll = ringing.keys.sorted().map { Action.cancelAgent(attempt: $0) }
        switch event {
        case .agentAnswered(let attempt, let toTag):
            guard let agent = ringing.removeValue(forKey: attempt) else { return [] }
            state = .answering(attempt: attempt, agent: agent)
            callback = .calling(attempt: attempt, agent: agent, ringTimeout: ringTimeout)
            return ringing.keys.sorted().map { Action.cancelAgent(attempt: $0) }
                + [.notify(.offerAnswered(callID, agentID: agent.agentID)), .callCallerBack(attempt: attempt, toTag: toTag, ringTimeout: ringTimeout)]
        case .callbackFailed(let attempts):
            state = .ended
            return cancelAll + [.finished(.callbackFailed(attempts: attempts))]
        case .release(let statusCode, let reason):
            state = .ended
            return cancelAll + [.finished(.released(statusCode: statusCode, reason: reason))]
        case .redirect(let number):
            state = .ended
            return cancelAll + [.finished(.released(statusCode: 480, reason: "Cannot redirect a callback to \(number)"))]
        case .offer, .cancelOffer, .agentFailed, .agentRinging, .ringTimeout:
            return nil
        default:
            return []
        }
    }

    /// The caller's number rings; the agent waits on the line.
    private mutating func calling(_ event: Event, attempt: Int, agent: AgentOffer, ringTimeout: Duration) -> [Action]? {
        let callID = callID
        let unanswered = { (statusCode: Int?) in Action.notify(.callbackUnanswered(callID, agentID: agent.agentID, statusCode: statusCode)) }
        switch event {
        case .callbackCallerAnswered:
            state = .connected(attempt: attempt, agent: agent)
            callback = .connected
            return [.releaseCallbackAgent(attempt: attempt), .notify(.callbackConnected(callID, agentID: agent.agentID))]
        case .callbackCallerFailed(let statusCode):
            state = .waiting(ringing: [:])
            callback = .awaitingAgent(ringTimeout: ringTimeout)
            return [.endCallbackAgent(attempt: attempt, sendBYE: true), unanswered(statusCode)]
        case .agentHungUp, .limitReached:
            state = .waiting(ringing: [:])
            callback = .awaitingAgent(ringTimeout: ringTimeout)
            return [.cancelCallerCall, .endCallbackAgent(attempt: attempt, sendBYE: event == .limitReached), unanswered(nil)]
        case .offer:
            return nil
        default:
            return []
        }
    }
}
