import B2BUA
import NIOCore
import SIPCore
import SIPDialog
import SIPStack
import SIPTransport

/// The runtime of one caller's call on the SIP event loop: the A-leg server transaction and dialog, the
/// B-leg attempts and the connected agent dialog, and the timers. `CallStateMachine` decides; this
/// performs its actions with real messages.
final class CallSession: @unchecked Sendable {
    /// One B-leg INVITE to an agent, and the forks that answered it.
    struct Attempt {
        var agent: AgentOffer
        var invite: SIPRequest
        var transaction: ClientTransaction?
        var ringTimer: TimerWheel.Handle?
        var answers: [String: Answer] = [:]
    }

    /// A fork's 2xx and the dialog it created.
    struct Answer {
        var response: SIPResponse
        var dialog: SIPDialog
        var ack: SIPRequest
    }

    /// Which side of the call a dialog belongs to.
    enum Leg {
        case caller
        case agent
    }

    unowned let core: SwitchboardCore
    let callID: CallID
    let invite: SIPRequest
    let inviteTransaction: ServerTransaction
    let queue: String
    let callerNumber: String
    let localTag = CallSession.makeTag()
    private(set) var machine: CallStateMachine
    var callerDialog: SIPDialog?
    var agentDialog: SIPDialog?
    var attempts: [Int: Attempt] = [:]
    var callerOK: SIPResponse?
    var timers: [String: TimerWheel.Handle] = [:]
    var dialogKeys: [DialogKey] = []
    var pendingReINVITE: Set<Leg> = []
    var sessionTimers: [Leg: SessionTimerState] = [:]
    var pendingREFER: ServerTransaction?
    var transferorDialog: SIPDialog?
    let arrivedAt: Duration
    var answeredAt: Duration?

    init(core: SwitchboardCore, invite: SIPRequest, transaction: ServerTransaction, queue: String) {
        self.core = core
        self.invite = invite
        self.inviteTransaction = transaction
        self.queue = queue
        callID = invite.headers.callID
        callerNumber = AgentInviteBuilder.callerNumber(of: invite)
        machine = CallStateMachine(callID: callID)
        arrivedAt = core.now
    }

    static func makeTag() -> String { String(UInt64.random(in: .min ... .max), radix: 36) }

    func isALeg(_ transaction: ServerTransaction) -> Bool { transaction === inviteTransaction }

    /// 100 Trying at once, then ringback (180) while the caller waits in the queue.
    func start() {
        inviteTransaction.respond(statusCode: 100)
        inviteTransaction.respond(callerResponse(statusCode: 180))
        core.logger.info("caller queued", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.caller": "\(callerNumber)"])
    }

    /// A dialog-creating response to the caller: To tag, Record-Route echoed (RFC 3261 §12.1.1), Contact.
    private func callerResponse(statusCode: Int) -> SIPResponse {
        var response = SIPResponse(replyingTo: invite, statusCode: statusCode, toTag: localTag)
        response.headers.recordRoute = invite.headers.recordRoute
        response.headers.contact = [core.localContact]
        return response
    }

    /// Feeds the state machine and performs what it decides.
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
            attempts[attempt]?.ringTimer = schedule(after: timeout) { $0.handle(.ringTimeout(attempt: attempt)) }
        case .cancelAgent(let attempt):
            cancelTimer(attempts[attempt]?.ringTimer)
            attempts[attempt]?.transaction?.cancel()
        case .answerCaller(let attempt, let toTag):
            answerCaller(with: attempts[attempt]?.answers[toTag])
        case .rejectCaller(let statusCode, let reason):
            inviteTransaction.respond(statusCode: statusCode, reasonPhrase: statusCode == 487 ? nil : reason, toTag: localTag)
        case .redirectCaller(let number):
            var redirect = SIPResponse(replyingTo: invite, statusCode: 302, toTag: localTag)
            redirect.headers.contact = [SIPNameAddress(uri: SIPURI(user: number, host: core.agentInvites.sbcHost,
                                                                   parameters: [SIPParameter(name: "user", value: "phone")]))]
            inviteTransaction.respond(redirect)
        case .hangUpStrayAnswer(let attempt, let toTag):
            if var dialog = attempts[attempt]?.answers[toTag]?.dialog { sendBYE(in: &dialog) }
        case .hangUpCaller:
            if var dialog = callerDialog {
                sendBYE(in: &dialog)
                callerDialog = dialog
            }
        case .hangUpAgent:
            if var dialog = agentDialog {
                sendBYE(in: &dialog)
                agentDialog = dialog
            }
        case .notify(let event):
            core.notify(event)
        case .finished(let outcome):
            finish(outcome)
        case .acceptTransfer, .rejectTransfer, .completeTransfer, .requeue, .ringTransferTarget, .reconnectCaller:
            performTransfer(action)
        }
    }

    private func ring(_ agent: AgentOffer, attempt: Int) {
        let fromTag = Self.makeTag()
        let request = core.agentInvites.makeInvite(offering: invite, to: agent.number, queueName: queue,
                                                   callID: "sb-\(Self.makeTag())-\(attempt)", fromTag: fromTag,
                                                   branch: TransactionLayer.makeBranch(), extraHeaders: core.sessionTimer.requestHeaders())
        start(request, attempt: attempt, agent: agent, fromTag: fromTag)
    }

    /// Sends a B-leg INVITE as the given attempt and routes its responses back to the state machine.
    func start(_ request: SIPRequest, attempt: Int, agent: AgentOffer, fromTag: String) {
        attempts[attempt] = Attempt(agent: agent, invite: request)
        own(DialogKey(callID: request.headers.callID, localTag: fromTag))
        core.logger.info("offering", metadata: ["sip.call_id": "\(callID)", "acd.agent": "\(agent.agentID)", "sip.to": "\(request.requestURI)"])
        attempts[attempt]?.transaction = core.layer.send(request, to: core.trunk) { [weak self] response in
            self?.agentResponded(response, attempt: attempt)
        }
    }

    private func agentResponded(_ response: SIPResponse, attempt: Int) {
        guard let current = attempts[attempt], response.statusCode >= 200 else { return }
        cancelTimer(current.ringTimer)
        guard response.statusCode < 300 else {
            handle(.agentFailed(attempt: attempt, statusCode: response.statusCode))
            return
        }
        guard let toTag = response.headers.to.tag else { return }
        if let known = current.answers[toTag] {
            core.layer.transport.send(.request(known.ack), to: nextHop(for: known.ack))
            return
        }
        guard acknowledge(response, attempt: attempt) else {
            core.logger.warning("2xx without a usable Contact from the agent's side", metadata: ["sip.call_id": "\(callID)"])
            handle(.agentFailed(attempt: attempt, statusCode: 502))
            return
        }
        handle(.agentAnswered(attempt: attempt, toTag: toTag))
    }

    /// A 2xx that arrived after its INVITE transaction ended: re-ACK a known fork, ACK and hang up another.
    func receivedStrayAnswer(_ response: SIPResponse) {
        guard let toTag = response.headers.to.tag,
              let attempt = attempts.first(where: { $0.value.invite.headers.callID == response.headers.callID })?.key else { return }
        if let known = attempts[attempt]?.answers[toTag] {
            core.layer.transport.send(.request(known.ack), to: nextHop(for: known.ack))
            return
        }
        if acknowledge(response, attempt: attempt), var dialog = attempts[attempt]?.answers[toTag]?.dialog { sendBYE(in: &dialog) }
    }

    /// Creates the fork's dialog and sends the ACK for its 2xx (RFC 3261 §13.2.2.4); false when the
    /// 2xx cannot make a dialog (no Contact or To tag), which the caller treats as a failed offer.
    private func acknowledge(_ response: SIPResponse, attempt: Int) -> Bool {
        guard let current = attempts[attempt], let toTag = response.headers.to.tag,
              let dialog = SIPDialog(uacFor: current.invite, response: response) else { return false }
        let ack = dialog.makeACK(inviteSequenceNumber: current.invite.headers.cseq.sequenceNumber, via: makeVia())
        attempts[attempt]?.answers[toTag] = Answer(response: response, dialog: dialog, ack: ack)
        core.layer.transport.send(.request(ack), to: nextHop(for: ack))
        return true
    }

    private func answerCaller(with answer: Answer?) {
        guard let answer else { return }
        agentDialog = answer.dialog
        answeredAt = core.now
        var ok = callerResponse(statusCode: 200)
        ok.headers.contentType = answer.response.headers.contentType ?? "application/sdp"
        ok.body = answer.response.body
        let callerTimer = core.sessionTimer.answer(to: invite, now: core.now)
        if case .accept(_, let headers) = callerTimer { ok.headers.fields.append(contentsOf: headers) }
        callerOK = ok
        inviteTransaction.respond(ok)
        callerDialog = SIPDialog(uasFor: invite, localTag: localTag)
        if case .accept(let state, _) = callerTimer { runSessionTimer(state, on: .caller) }
        runSessionTimer(core.sessionTimer.negotiated(by: answer.response, now: core.now), on: .agent)
        own(DialogKey(callID: callID, localTag: localTag))
        retransmitAnswer(after: core.layer.timers.t1, elapsed: .zero)
        timers["duration"] = schedule(after: core.configuration.limits.maximumCallDuration) { $0.handle(.limitReached) }
    }

    /// RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx until the ACK comes, for 64·T1.
    private func retransmitAnswer(after interval: Duration, elapsed: Duration) {
        let give = core.layer.timers.t1 * 64
        timers["answer"] = schedule(after: interval) { session in
            guard let ok = session.callerOK else { return }
            let total = elapsed + interval
            if total >= give {
                session.handle(.callerAcknowledgementTimeout)
                return
            }
            if !session.inviteTransaction.source.transport.isReliable {
                session.core.layer.transport.sendResponse(ok, receivedFrom: session.inviteTransaction.source)
            }
            session.retransmitAnswer(after: min(interval * 2, session.core.layer.timers.t2), elapsed: total)
        }
    }

    /// The ACK for our 200 on the caller's leg.
    func receivedACK(_ ack: SIPRequest) {
        guard ack.headers.callID == callID else { return }
        if callerOK != nil {
            callerOK = nil
            cancelTimer(timers.removeValue(forKey: "answer"))
            handle(.callerAcknowledged)
        }
    }

    func schedule(after delay: Duration, _ body: @escaping (CallSession) -> Void) -> TimerWheel.Handle {
        core.layer.timerWheel.schedule(after: delay) { [weak self] in
            if let self { body(self) }
        }
    }

    func cancelTimer(_ handle: TimerWheel.Handle?) {
        if let handle { core.layer.timerWheel.cancel(handle) }
    }

    func makeVia() -> SIPVia {
        SIPVia(transport: core.trunk.transport.viaToken, host: core.agentInvites.localHost, port: core.agentInvites.localPort,
               parameters: [SIPParameter(name: "branch", value: TransactionLayer.makeBranch()), SIPParameter(name: "rport")])
    }

    func own(_ key: DialogKey) {
        dialogKeys.append(key)
        core.dialogOwners[key] = self
    }

    /// Sends BYE in a dialog; its response needs no handling.
    func sendBYE(in dialog: inout SIPDialog) {
        let bye = dialog.makeRequest(method: .bye, via: makeVia(), contact: nil)
        core.layer.send(bye, to: nextHop(for: bye)) { _ in }
    }

    /// The next hop of an in-dialog request (RFC 3261 §8.1.2): the first Route, else the Request-URI,
    /// when it names an IP address; otherwise the trunk, which is every dialog's next hop in practice.
    func nextHop(for request: SIPRequest) -> SIPPeerAddress {
        let uri = request.headers.route.first?.uri ?? request.requestURI
        let transportName = uri.parameters[parameter: "transport"] ?? nil
        let transport = transportName.flatMap { SIPTransportProtocol(rawValue: $0.lowercased()) }
            ?? (uri.scheme == "sips" ? .tls : core.trunk.transport)
        let port = uri.port ?? (transport == .tls ? 5061 : 5060)
        return (try? SIPPeerAddress(transport: transport, host: uri.host, port: port)) ?? core.trunk
    }

    private func finish(_ outcome: CallOutcome) {
        for timer in timers.values { cancelTimer(timer) }
        timers.removeAll()
        for attempt in attempts.values { cancelTimer(attempt.ringTimer) }
        core.finished(self, outcome: outcome)
    }
}
