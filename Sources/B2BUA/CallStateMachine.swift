/// One caller's journey through Switchboard, from the A-leg INVITE to the last BYE: held in a queue,
/// offered to agents (one B-leg each, several at once for ring-all), connected, ended. Pure: SIP
/// messages, timers and the queue engine are the shell's business; this decides what happens next.
///
/// ```
///                 offer (adds a ringing attempt)          first 2xx                ACK
///  waiting(ringing: {…}) ───────────────────────────────────────────► answering ─────► connected
///    ▲   │  non-2xx / ring timeout / cancelOffer: attempt removed       │ BYE either side   │ BYE / limit
///    │   │                                                              ▼                   ▼
///    │   └── release / CANCEL ────────────────────────────────────────► ended ◄────────────┘
/// ```
/// Every B-leg INVITE is an *attempt* with a number. When one attempt answers, every other ringing
/// attempt is cancelled; a 2xx from an attempt that is no longer ringing (cancelled, timed out, lost
/// the race) or from a second fork is acknowledged and hung up at once, so an agent is never bridged
/// to silence.
///
/// With answered hold (`answeredHold`) the waiting caller is answered from Switchboard's own media
/// stream (`holdReady` → `answerCallerForHold`), or hears ringback when none opens; the agent's answer
/// then releases the media with a re-INVITE (`releaseHeldCaller`) instead of a 200 (`CallStateMachine+Hold`).
/// With early media the stream's answer goes out in a 183 (`sendEarlyMedia`) and the caller is answered
/// with it only when an agent answers (`answerEarlyCaller`, `CallStateMachine+EarlyMedia`).
/// A caller on hold who asks for a callback is hung up and waits on with no leg; an agent's answer
/// then rings the caller's number (`CallStateMachine+Callback`).
public struct CallStateMachine: Sendable {
    /// Where the call stands.
    enum State: Hashable, Sendable {
        case waiting(ringing: [Int: AgentOffer])
        case answering(attempt: Int, agent: AgentOffer)
        case connected(attempt: Int, agent: AgentOffer)
        case transferred(attempt: Int)
        case ended
    }

    /// The caller's call id.
    public let callID: CallID
    var state: State = .waiting(ringing: [:])
    private var attempts = 0
    var callerAnswered = false
    var transferAttempt: Int?
    private var deferredTransfer: TransferTarget?
    /// The BYE to the caller and the call's record, held back until the caller acknowledges Switchboard's 200 OK.
    var deferredEnd: [Action] = []
    var hold: Hold
    /// Whether the hold media goes to the caller as early media (a 183) rather than after a 200.
    let earlyMedia: Bool
    /// A callback the caller asked for (`CallStateMachine+Callback`); nil: none.
    var callback: Callback?

    /// A new call, already queued (the shell sent 100 Trying, and ringback or, with `answeredHold`,
    /// started opening the caller's hold media, to be sent as early media with `earlyMedia`).
    public init(callID: CallID, answeredHold: Bool = false, earlyMedia: Bool = false) {
        self.callID = callID
        hold = answeredHold ? .starting : .none
        self.earlyMedia = answeredHold && earlyMedia
    }

    /// Whether the call is over.
    public var isEnded: Bool { state == .ended }

    /// The agents being rung, by attempt.
    public var ringing: [Int: AgentOffer] {
        if case .waiting(let ringing) = state { return ringing }
        return [:]
    }

    /// The agent connected (or being connected), if any.
    public var agent: AgentOffer? {
        switch state {
        case .answering(_, let agent), .connected(_, let agent): agent
        case .waiting, .transferred, .ended: nil
        }
    }

    /// The attempt whose dialog carries the call, once an agent answered.
    public var connectedAttempt: Int? {
        switch state {
        case .answering(let attempt, _), .connected(let attempt, _), .transferred(let attempt): attempt
        case .waiting, .ended: nil
        }
    }

    /// Whether the call is connected to an agent (answered on both legs).
    public var isConnected: Bool {
        switch state {
        case .connected, .transferred: true
        case .waiting, .answering, .ended: false
        }
    }

    /// The actions `event` calls for, before any BYE to the caller is held back for its ACK.
    mutating func decide(_ event: Event) -> [Action] {
        if case .agentAnswered(let attempt, let toTag) = event, ringing[attempt] == nil, transferAttempt != attempt {
            return [.hangUpStrayAnswer(attempt: attempt, toTag: toTag)]
        }
        if let actions = handleCallback(event) { return actions }
        if let transferAttempt, case .waiting = state {
            return handleTransferToNumber(event, attempt: transferAttempt)
        }
        if let actions = handleHold(event) { return actions }
        switch state {
        case .waiting(let ringing): return handleWaiting(event, ringing: ringing)
        case .answering(let attempt, let agent), .connected(let attempt, let agent):
            return handleAnswered(event, attempt: attempt, agent: agent)
        case .transferred:
            return handleTransferred(event)
        case .ended:
            if case .offer(let agent, _) = event { return [.notify(.offerFailed(callID, agentID: agent.agentID, .trunkFailure))] }
            return []
        }
    }

    private mutating func handleWaiting(_ event: Event, ringing: [Int: AgentOffer]) -> [Action] {
        var ringing = ringing
        let cancelAll = ringing.keys.sorted().map { Action.cancelAgent(attempt: $0) }
        let rung = ringing.keys.min().flatMap { ringing[$0]?.agentID }
        switch event {
        case .offer(let agent, let ringTimeout):
            if ringing.values.contains(agent) { return [] }
            attempts += 1
            ringing[attempts] = agent
            state = .waiting(ringing: ringing)
            return [.ringAgent(attempt: attempts, agent), .startRingTimer(attempt: attempts, ringTimeout)]
        case .cancelOffer(let agentID):
            guard let attempt = ringing.first(where: { $0.value.agentID == agentID })?.key else { return [] }
            ringing[attempt] = nil
            state = .waiting(ringing: ringing)
            return [.cancelAgent(attempt: attempt)]
        case .agentAnswered(let attempt, let toTag):
            guard let agent = ringing.removeValue(forKey: attempt) else { return [] }
            let others = ringing.keys.sorted().map { Action.cancelAgent(attempt: $0) }
            guard !callerAnswered else {
                state = .connected(attempt: attempt, agent: agent)
                let answered = Action.notify(.offerAnswered(callID, agentID: agent.agentID))
                let reconnect: Action = switch hold {
                case .answered, .playing: .releaseHeldCaller(attempt: attempt, toTag: toTag)
                case .none, .starting, .early: .reconnectCaller(attempt: attempt, toTag: toTag)
                }
                return others + [reconnect, answered]
            }
            state = .answering(attempt: attempt, agent: agent)
            return others + [.answerCaller(attempt: attempt, toTag: toTag), .notify(.offerAnswered(callID, agentID: agent.agentID))]
        case .callerHungUp where callerAnswered:
            state = .ended
            return cancelAll + [.notify(.callerAbandoned(callID)), .finished(.abandoned(ringingAgentID: rung))]
        case .limitReached where callerAnswered:
            state = .ended
            return cancelAll + [.hangUpCaller, .notify(.callerAbandoned(callID)), .finished(.abandoned(ringingAgentID: rung))]
        case .agentFailed(let attempt, let statusCode):
            guard let agent = ringing.removeValue(forKey: attempt) else { return [] }
            state = .waiting(ringing: ringing)
            return [.notify(.offerFailed(callID, agentID: agent.agentID, OfferFailure(statusCode: statusCode)))]
        case .agentRinging(let attempt):
            guard let agent = ringing[attempt] else { return [] }
            return [.notify(.offerRinging(callID, agentID: agent.agentID))]
        case .ringTimeout(let attempt, let progress):
            guard let agent = ringing.removeValue(forKey: attempt) else { return [] }
            state = .waiting(ringing: ringing)
            return [.cancelAgent(attempt: attempt),
                    .notify(.offerFailed(callID, agentID: agent.agentID, OfferFailure(ringTimeoutAfter: progress)))]
        case .callerCancelled where callerAnswered:
            return []
        case .callerAcknowledgementTimeout where hold == .answered:
            state = .ended
            return cancelAll + [.hangUpCaller, .notify(.callerAbandoned(callID)), .finished(.abandoned(ringingAgentID: rung))]
        case .callerCancelled:
            state = .ended
            return cancelAll + [.rejectCaller(statusCode: 487, reason: "Request Terminated"),
                                .notify(.callerAbandoned(callID)), .finished(.abandoned(ringingAgentID: rung))]
        case .release(let statusCode, let reason):
            state = .ended
            let release: Action = callerAnswered ? .hangUpCaller : .rejectCaller(statusCode: statusCode, reason: reason)
            return cancelAll + [release, .finished(.released(statusCode: statusCode, reason: reason))]
        case .redirect(let number) where callerAnswered:
            state = .ended
            return cancelAll + [.hangUpCaller, .finished(.released(statusCode: 480, reason: "Cannot redirect an answered call to \(number)"))]
        case .redirect(let number):
            state = .ended
            return cancelAll + [.redirectCaller(number: number), .finished(.redirected(number: number))]
        default:
            return []
        }
    }

    private mutating func handleAnswered(_ event: Event, attempt: Int, agent: AgentOffer) -> [Action] {
        switch event {
        case .callerAcknowledged:
            callerAnswered = true
            state = .connected(attempt: attempt, agent: agent)
            guard let target = deferredTransfer else { return [] }
            deferredTransfer = nil
            return handleAnswered(.agentTransferred(target), attempt: attempt, agent: agent)
        case .agentTransferred(let target):
            guard case .connected = state else {
                guard deferredTransfer == nil else { return [.rejectTransfer(statusCode: 491)] }
                deferredTransfer = target
                return []
            }
            callerAnswered = true
            let ended = Action.notify(.callEnded(callID, agentID: agent.agentID))
            switch target {
            case .queue(let queue):
                state = .waiting(ringing: [:])
                return [.acceptTransfer(reportProgress: false), ended, .completeTransfer(statusCode: 200), .requeue(queue: queue)]
            case .uri(let referTo, let referredBy):
                attempts += 1
                transferAttempt = attempts
                state = .waiting(ringing: [:])
                return [.acceptTransfer(reportProgress: true), ended,
                        .ringTransferTarget(attempt: attempts, referTo: referTo, referredBy: referredBy)]
            }
        case .callerHungUp:
            state = .ended
            return [.hangUpAgent, .notify(.callEnded(callID, agentID: agent.agentID)),
                    .finished(.completed(agentID: agent.agentID, endedBy: .caller))]
        case .agentHungUp:
            state = .ended
            return [.hangUpCaller, .notify(.callEnded(callID, agentID: agent.agentID)),
                    .finished(.completed(agentID: agent.agentID, endedBy: .agent))]
        case .limitReached, .callerAcknowledgementTimeout:
            state = .ended
            return [.hangUpCaller, .hangUpAgent, .notify(.callEnded(callID, agentID: agent.agentID)),
                    .finished(.completed(agentID: agent.agentID, endedBy: .switchboard))]
        case .offer(let other, _):
            return [.notify(.offerFailed(callID, agentID: other.agentID, .trunkFailure))]
        default:
            return []
        }
    }
}
