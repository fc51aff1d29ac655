import SIPCore
import SIPDialog
import SIPStack

/// The runtime of one caller's call: the A-leg server transaction and dialog, the B-leg attempts
/// and the connected agent dialog, and the call's timers. `CallStateMachine` decides; this performs
/// its actions with real messages through the transaction layer.
final class CallSession {
    /// One B-leg INVITE to an agent, and the forks that answered it.
    struct Attempt {
        var agent: AgentOffer
        var invite: SIPRequest
        var transaction: ClientTransaction?
        var ringTimer: TimerWheel.Handle?
        /// The highest provisional response seen so far.
        var progress = OfferProgress.none
        /// Whether the trunk monitor heard of this attempt (once: its ring timeout or final response).
        var reportedToTrunk = false
        var answers = ShortMap<String, Answer>()
        /// Anchored media: the agent is offered Switchboard's own stream (the INVITE waits for its offer).
        var anchored = false
        /// Anchored media: the attempt was cancelled while its offer was being made; no INVITE goes out.
        var withdrawn = false
    }

    /// A fork's 2xx and the dialog it created.
    struct Answer {
        var response: SIPResponse
        var dialog: SIPDialog
        var ack: SIPRequest
    }

    /// Which side of the call a dialog belongs to.
    enum Leg: Hashable {
        case caller
        case agent
    }

    let context: CallContext
    unowned let delegate: any CallSessionDelegate
    let callID: CallID
    let invite: SIPRequest
    let inviteTransaction: ServerTransaction
    /// The queue the caller waits in (a transfer to another queue's number moves them).
    var queue: String
    let callerNumber: String
    let localTag = SIPRandomToken.tag()
    let arrivedAt: Duration
    var machine: CallStateMachine
    var callerDialog: SIPDialog?
    var agentDialog: SIPDialog?
    var attempts = ShortMap<Int, Attempt>()
    var callerOK: SIPResponse?
    var timers = CallTimerSlots()
    var dialogKeys: [DialogKey] = []
    var pendingReINVITE: Set<Leg> = []
    var sessionTimers: [Leg: SessionTimerState] = [:]
    var pendingREFER: ServerTransaction?
    var transferorDialog: SIPDialog?
    var answeredAt: Duration?
    /// Answered hold: the caller's offer as the media edge negotiated it, when Switchboard answers this
    /// caller itself and plays the queue's hold media.
    let holdOffer: HoldOffer?
    /// Answered hold: whether Switchboard answers this caller itself and plays the queue's hold media.
    var answeredHold: Bool { holdOffer != nil }
    /// Answered hold: Switchboard's SDP answer to the caller, once the stream is open.
    var holdAnswer: [UInt8]?
    /// Answered hold: the `o=` value of the last description Switchboard sent the caller (RFC 3264 §8).
    var callerOrigin: String?
    /// Answered hold: the media release's offer to the caller, held back until the caller's ACK.
    var pendingRelease: (offer: [UInt8], contentType: String?)?
    /// Callback: the calls back to the caller (`CallSession+Callback`).
    var callback = CallbackLeg()

    init(context: CallContext, delegate: any CallSessionDelegate, invite: SIPRequest, transaction: ServerTransaction, queue: String,
         holdOffer: HoldOffer? = nil, earlyMedia: Bool = false) {
        self.context = context
        self.delegate = delegate
        self.invite = invite
        self.inviteTransaction = transaction
        self.queue = queue
        callID = invite.headers.callID
        callerNumber = AgentInviteBuilder.callerNumber(of: invite)
        self.holdOffer = holdOffer
        machine = CallStateMachine(callID: callID, answeredHold: holdOffer != nil, earlyMedia: earlyMedia)
        arrivedAt = context.now
    }

    func isALeg(_ transaction: ServerTransaction) -> Bool { transaction === inviteTransaction }

    /// 100 Trying at once, so the caller's side stops retransmitting (RFC 3261 §17.2.1).
    func sendTrying() {
        inviteTransaction.respond(statusCode: 100)
    }

    /// The caller waits: ringback (180), repeated every minute until the caller is answered or gone:
    /// RFC 3261 §13.3.1.1 asks a UAS that does not answer at once for a non-100 provisional response
    /// every minute, so that no stateful proxy on the way ends the INVITE transaction by its Timer C
    /// (more than three minutes) while the caller waits. With answered hold, no ringback: the
    /// caller's stream is opened and the caller answered from it.
    func startWaiting() {
        if answeredHold {
            startHold()
        } else {
            ringBack()
        }
        context.logger.info("caller queued", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.caller": "\(callerNumber)"])
    }

    func ringBack() {
        guard inviteTransaction.finalStatusCode == nil else { return }
        inviteTransaction.respond(callerResponse(statusCode: 180))
        start(.ringback, after: .seconds(60)) { $0.ringBack() }
    }

    /// A dialog-creating response to the caller: To tag, Record-Route echoed (RFC 3261 §12.1.1), Contact.
    func callerResponse(statusCode: Int) -> SIPResponse {
        var response = SIPResponse(replyingTo: invite, statusCode: statusCode, toTag: localTag)
        response.headers.recordRoute = invite.headers.recordRoute
        response.headers.contact = [context.localContact]
        return response
    }

    /// Queues an event for this call's state machine; it runs once the current work is done.
    func post(_ event: CallStateMachine.Event) {
        delegate.post(.call(callID, event))
    }

    /// Feeds the state machine and performs what it decides. Only the router's mailbox calls this.
    func handle(_ event: CallStateMachine.Event) {
        for action in machine.handle(event) {
            perform(action)
        }
    }

    private func perform(_ action: CallStateMachine.Action) {
        switch action {
        case .ringAgent(let attempt, let agent):
            ring(agent, attempt: attempt)
        case .startRingTimer(let attempt, let timeout):
            attempts[attempt]?.ringTimer = schedule(after: timeout) { $0.ringTimedOut(attempt: attempt) }
        case .cancelAgent(let attempt):
            cancelTimer(attempts[attempt]?.ringTimer)
            attempts[attempt]?.transaction?.cancel()
            withdrawAgentMedia(attempt: attempt)
        case .answerCaller(let attempt, let toTag):
            answerCaller(with: attempts[attempt]?.answers[toTag])
        case .rejectCaller(let statusCode, let reason):
            inviteTransaction.respond(statusCode: statusCode, reasonPhrase: statusCode == 487 ? nil : reason, toTag: localTag)
        case .redirectCaller(let number):
            var redirect = SIPResponse(replyingTo: invite, statusCode: 302, toTag: localTag)
            redirect.headers.contact = [SIPNameAddress(uri: SIPURI(user: number, host: context.agentInvites.sbcHost,
                                                                   parameters: [SIPParameter(name: "user", value: "phone")]))]
            inviteTransaction.respond(redirect)
        case .hangUpStrayAnswer(let attempt, let toTag):
            if var dialog = attempts[attempt]?.answers[toTag]?.dialog { context.sendBYE(in: &dialog) }
        case .hangUpCaller:
            if var dialog = callerDialog {
                context.sendBYE(in: &dialog)
                callerDialog = dialog
            }
        case .hangUpAgent:
            if var dialog = agentDialog {
                context.sendBYE(in: &dialog)
                agentDialog = dialog
            }
        case .notify(let event):
            delegate.post(.distribution(event))
        case .finished(let outcome):
            finish(outcome)
        case .acceptTransfer, .rejectTransfer, .completeTransfer, .requeue, .ringTransferTarget, .reconnectCaller:
            performTransfer(action)
        case .answerCallerForHold, .ringBack, .stopHold, .releaseHeldCaller:
            performHold(action)
        case .confirmCallback, .stopCallerStream, .callCallerBack, .cancelCallerCall, .releaseCallbackAgent, .endCallbackAgent:
            performCallback(action)
        case .sendEarlyMedia:
            sendEarlyMedia()
        case .answerEarlyCaller(let attempt, let toTag):
            answerEarlyCaller(attempt: attempt, toTag: toTag)
        }
    }

    /// Runs `body` with this call after `delay` on the loop's timer wheel, unless the call is gone.
    func schedule(after delay: Duration, _ body: @escaping (CallSession) -> Void) -> TimerWheel.Handle {
        context.stack.timerWheel.schedule(after: delay) { [weak self] in
            if let self { body(self) }
        }
    }

    /// Starts one of the call's named timers, replacing a pending one of the same name.
    func start(_ timer: CallTimer, after delay: Duration, _ body: @escaping (CallSession) -> Void) {
        cancelTimer(timers.replace(timer, with: schedule(after: delay, body)))
    }

    /// Cancels one of the call's named timers.
    func cancel(_ timer: CallTimer) {
        cancelTimer(timers.replace(timer, with: nil))
    }

    func cancelTimer(_ handle: TimerWheel.Handle?) {
        if let handle { context.stack.timerWheel.cancel(handle) }
    }

    func own(_ key: DialogKey) {
        dialogKeys.append(key)
        delegate.own(key, by: self)
    }

    private func finish(_ outcome: CallOutcome) {
        if answeredHold { context.holdMedia?.stop(callID) }
        timers.removeAll { cancelTimer($0) }
        for attempt in attempts.values { cancelTimer(attempt.ringTimer) }
        delegate.finished(self, record: CallRecord(callID: callID, queue: queue, callerNumber: callerNumber, arrivedAt: arrivedAt,
                                                   answeredAt: answeredAt, endedAt: context.now, outcome: outcome,
                                                   dialedNumber: invite.requestURI.user ?? "", callbackAttempts: callback.attempts))
    }
}
