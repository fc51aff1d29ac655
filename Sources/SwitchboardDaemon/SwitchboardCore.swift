import ACD
import B2BUA
import Logging
import NIOCore
import SIPCore
import SIPDialog
import SIPStack
import SIPTransport
import Presence

/// switchboardd's transaction user on the SIP event loop: answers what needs no call (OPTIONS, 404,
/// 405/501, 481, draining and capacity 503s), creates a `CallSession` per queued caller, and routes
/// in-dialog requests and stray responses to the session that owns the dialog, in O(1).
final class SwitchboardCore: TransactionUser, @unchecked Sendable {
    let configuration: SwitchboardConfiguration
    let layer: TransactionLayer
    let logger: Logger
    let distributor: ACDDistributor
    var presence: PresenceBridge?
    let agentInvites: AgentInviteBuilder
    let trunk: SIPPeerAddress
    /// Switchboard's Contact for dialogs it creates.
    let localContact: SIPNameAddress
    /// The RFC 4028 policy for both legs.
    let sessionTimer = SessionTimer()
    private let start = ContinuousClock.now
    private(set) var draining = false
    var sessions: [B2BUA.CallID: CallSession] = [:]
    var dialogOwners: [DialogKey: CallSession] = [:]
    private var tickers: [RepeatedTask] = []

    init(configuration: SwitchboardConfiguration, layer: TransactionLayer, distributor: ACDDistributor, logger: Logger) throws {
        self.configuration = configuration
        self.layer = layer
        self.distributor = distributor
        self.logger = logger
        let sbc = configuration.trunks[0]
        trunk = try SIPPeerAddress(transport: sbc.transport, host: sbc.host, port: sbc.port)
        guard let local = layer.transport.sentBy(for: sbc.transport) else {
            throw ConfigurationError(key: "sip.listen", line: nil, message: "no \(sbc.transport.rawValue) listener for trunk \"\(sbc.name)\"")
        }
        localContact = SIPNameAddress(uri: SIPURI(host: local.host, port: local.port,
                                                  parameters: sbc.transport == .udp ? [] : [SIPParameter(name: "transport", value: sbc.transport.rawValue)]))
        agentInvites = AgentInviteBuilder(sbcHost: sbc.uriHost, sbcPort: sbc.port == 5060 ? nil : sbc.port,
                                          localHost: local.host, localPort: local.port, transport: sbc.transport.viaToken)
        layer.user = self
        tickers = [
            layer.eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(250), delay: .milliseconds(250)) { [weak self] _ in
                self?.tick()
            },
            layer.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(5), delay: .seconds(5)) { [weak self] _ in
                guard let self else { return }
                self.presence?.reevaluate(core: self)
            },
            layer.eventLoop.scheduleRepeatedTask(initialDelay: .seconds(30), delay: .seconds(30)) { [weak self] _ in
                self?.reconcile()
            },
        ]
    }

    /// Monotonic time since start, the clock of the queue engine and the session timers.
    var now: Duration { ContinuousClock.now - start }

    /// An instant of the continuous clock as time since start.
    func elapsed(since instant: ContinuousClock.Instant) -> Duration { instant - start }

    /// Starts draining: new calls and OPTIONS get 503 with Retry-After; calls in progress go on.
    func startDraining() {
        draining = true
        logger.notice("draining: refusing new calls", metadata: ["sip.calls": "\(sessions.count)"])
    }

    func stop() {
        for ticker in tickers { ticker.cancel() }
        layer.timerWheel.stop()
    }

    // MARK: TransactionUser

    func receivedRequest(_ request: SIPRequest, transaction: ServerTransaction) {
        if let rejection = UASRequestInspection.rejection(for: request) {
            transaction.respond(rejection)
            return
        }
        if request.headers.to.tag != nil {
            receivedInDialog(request, transaction: transaction)
            return
        }
        switch request.method {
        case .options:
            transaction.respond(UASRequestInspection.optionsResponse(to: request, draining: draining,
                                                                     retryAfterSeconds: configuration.limits.retryAfterSeconds))
        case .invite:
            receivedInitialInvite(request, transaction: transaction)
        default:
            transaction.respond(statusCode: 481)
        }
    }

    func receivedACK(_ ack: SIPRequest, from source: SIPPeerAddress) {
        guard let session = dialogOwners[DialogKey(callID: ack.headers.callID, localTag: ack.headers.to.tag ?? "")] else { return }
        session.receivedACK(ack)
    }

    func receivedCANCEL(for invite: ServerTransaction) {
        if let session = sessions[invite.request.headers.callID], session.isALeg(invite) {
            session.handle(.callerCancelled)
        } else {
            invite.respond(statusCode: 487)
        }
    }

    func receivedStrayResponse(_ response: SIPResponse, from source: SIPPeerAddress) {
        guard response.headers.cseq.method == .invite, (200..<300).contains(response.statusCode) else { return }
        let key = DialogKey(callID: response.headers.callID, localTag: response.headers.from.tag ?? "")
        if let session = dialogOwners[key] {
            session.receivedStrayAnswer(response)
        } else {
            logger.debug("2xx for no dialog", metadata: ["sip.call_id": "\(response.headers.callID)"])
        }
    }

    func serverTransactionFailed(_ transaction: ServerTransaction) {
        logger.debug("server transaction failed", metadata: ["sip.call_id": "\(transaction.request.headers.callID)",
                                                             "sip.method": "\(transaction.request.method)"])
    }

    // MARK: Calls

    private func receivedInitialInvite(_ request: SIPRequest, transaction: ServerTransaction) {
        let retryAfter = SIPHeaderField(name: "Retry-After", value: String(configuration.limits.retryAfterSeconds))
        if draining {
            transaction.respond(statusCode: 503, reasonPhrase: "Draining", headers: [retryAfter])
            return
        }
        guard let number = request.requestURI.user, let queue = configuration.queue(servingNumber: number) else {
            transaction.respond(statusCode: 404)
            return
        }
        if sessions.count >= configuration.limits.maximumConcurrentCalls {
            transaction.respond(statusCode: 503, reasonPhrase: "Capacity Reached", headers: [retryAfter])
            return
        }
        guard !request.body.isEmpty else {
            transaction.respond(statusCode: 488, headers: [SIPHeaderField(name: "Warning", value: "399 switchboardd \"an SDP offer is required: Teams Direct Routing does not support delayed offer\"")])
            return
        }
        if case .reject(let statusCode, let reasonPhrase, let headers) = sessionTimer.answer(to: request, now: now) {
            transaction.respond(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
            return
        }
        guard sessions[request.headers.callID] == nil else {
            transaction.respond(statusCode: 482, reasonPhrase: "Loop Detected")
            return
        }
        let session = CallSession(core: self, invite: request, transaction: transaction, queue: queue)
        sessions[session.callID] = session
        session.start()
        apply(distributor.handle(.callerArrived(session.callID, queue: queue, callerNumber: session.callerNumber), now: now))
    }

    /// Performs queue-engine decisions on their sessions.
    func apply(_ decisions: [DistributionDecision]) {
        for decision in decisions {
            switch decision {
            case .offer(let callID, let agent, let ringTimeout):
                if let session = sessions[callID] {
                    session.handle(.offer(agent, ringTimeout: ringTimeout))
                } else {
                    apply(distributor.handle(.offerFailed(callID, agentID: agent.agentID, .trunkFailure), now: now))
                }
            case .redirect(let callID, let number):
                sessions[callID]?.handle(.redirect(number: number))
            case .cancelOffer(let callID, let agentID):
                sessions[callID]?.handle(.cancelOffer(agentID: agentID))
            case .release(let callID, let statusCode, let reason):
                sessions[callID]?.handle(.release(statusCode: statusCode, reason: reason))
            }
        }
    }

    func notify(_ event: DistributionEvent) {
        apply(distributor.handle(event, now: now))
    }

    private func tick() {
        apply(distributor.tick(now: now))
    }

    /// The periodic check that no agent stays "on call" for a call switchboardd no longer holds.
    private func reconcile() {
        apply(distributor.reconcile(liveCalls: Set(sessions.keys), now: now))
    }

    /// A fused presence change for one agent.
    func presenceChanged(agentID: String, presence: TeamsPresence, observedAt: Duration) {
        apply(distributor.presenceChanged(agentID: agentID, presence: presence, observedAt: observedAt, now: now))
    }

    /// switchboardd's own call state of an agent, as presence fusion needs it.
    func callState(ofAgent agentID: String) -> AgentCallState {
        switch distributor.agent(agentID)?.state {
        case .reserved, .offering: .offering
        case .onCall: .onCall
        case .wrapUp: .wrapUp
        case .idle, nil: .idle
        }
    }

    /// Routes a request with a To tag to the session owning that dialog; 481 when none does.
    private func receivedInDialog(_ request: SIPRequest, transaction: ServerTransaction) {
        let key = DialogKey(callID: request.headers.callID, localTag: request.headers.to.tag ?? "")
        guard let session = dialogOwners[key] else {
            transaction.respond(statusCode: request.method == .options ? 200 : 481)
            return
        }
        session.receivedInDialog(request, transaction: transaction, leg: request.headers.callID == session.callID ? .caller : .agent)
    }

    /// Forgets a finished session: its dialogs stay routable for a short linger (64·T1) so crossing
    /// BYEs and retransmissions get a proper answer, then they are dropped.
    func finished(_ session: CallSession, outcome: CallOutcome) {
        sessions[session.callID] = nil
        logger.info("call record", metadata: CallRecord(session: session, outcome: outcome, endedAt: now).metadata)
        layer.timerWheel.schedule(after: layer.timers.t1 * 64) { [weak self] in
            guard let self else { return }
            for key in session.dialogKeys where self.dialogOwners[key] === session {
                self.dialogOwners[key] = nil
            }
        }
    }

    /// The number of calls and dialogs held (for status and leak checks).
    var liveCounts: (calls: Int, dialogs: Int) { (sessions.count, dialogOwners.count) }

    /// The live counters for the status endpoint.
    var statusReport: StatusReport {
        StatusReport(calls: sessions.count, dialogs: dialogOwners.count, serverTransactions: layer.serverTransactionCount,
                     clientTransactions: layer.clientTransactionCount, draining: draining)
    }
}

/// Finds the session that owns a dialog from one side's Call-ID and Switchboard's own tag in it.
struct DialogKey: Hashable {
    var callID: String
    var localTag: String
}
