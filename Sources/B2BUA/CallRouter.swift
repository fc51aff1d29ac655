import DequeModule
import Logging
import SIPCore
import SIPDialog
import SIPStack
import SIPTransaction
import SIPTransport

/// The B2BUA's transaction user on one event loop: answers what needs no call (OPTIONS, 404,
/// 405/501, 481, draining 503s; capacity and overload 503s before any state, see `refusal(for:)`), creates a `CallSession` per queued caller, routes
/// in-dialog requests and stray responses to the call that owns the dialog in O(1), and carries
/// events between the calls and the `CallDistributor` through one mailbox.
///
/// Everything here is confined to the transaction layer's loop. Calls, transaction callbacks and
/// timers never handle an event on the spot: they post it, and the mailbox runs one item at a time
/// (`CallWork`), so a call's actions finish before anything else touches it.
public final class CallRouter: TransactionUser, CallSessionDelegate, DistributionDecisionSink, @unchecked Sendable {
    let context: CallContext
    let distributor: any CallDistributor
    let records: (CallRecord) -> Void
    var sessions: [CallID: CallSession] = [:]
    var dialogOwners: [DialogKey: DialogOwner] = [:]
    /// Ended calls whose dialogs still linger, oldest first.
    var lingering = Deque<EndedCall>()
    /// Callers not yet answered, by the trunk address they came from.
    var waitingByTrunk: [String: Int] = [:]
    /// Callers not yet answered.
    public internal(set) var waitingCount = 0
    private var mailbox = Deque<CallWork>()
    private var running = false
    /// New callers sent `100 Trying` during a batch of reads, whose queueing (ringback or hold, and
    /// the distributor's `callerArrived`) waits until the batch's other new calls have had theirs.
    var arrivals: [CallSession] = []
    /// Whether the router refuses new calls (after SIGTERM) while the calls in progress finish.
    public internal(set) var draining = false
    var idleWaiters: [() -> Void] = []
    /// Reads the unread receive backlog for overload control; without it only the call limit refuses.
    public var inboundBacklog: (() -> InboundBacklog)?
    /// Whether new calls are refused for a backlog now.
    public internal(set) var overload = OverloadGuard()
    /// Whether `refusal(for:)` reserved a place in the census for the INVITE being handed up, which
    /// becomes its call or is given back once the INVITE is handled.
    var reservedPlace = false

    /// Creates the router and makes it the transaction layer's user. `records` receives each
    /// finished call's record.
    public init(stack: TransactionLayer, configuration: CallRouterConfiguration, distributor: any CallDistributor,
                logger: Logger, records: @escaping (CallRecord) -> Void) {
        context = CallContext(stack: stack, configuration: configuration, logger: logger)
        self.distributor = distributor
        self.records = records
        stack.user = self
        stack.admission = self
        scheduleReconciliation()
    }

    /// The router's clock: time since the loop's timer wheel started.
    public var now: Duration { context.now }

    /// The queue each number reaches, for new calls and transfers from now on (a reload).
    public var queueByNumber: [String: String] {
        get { context.queueByNumber }
        set { context.queueByNumber = newValue }
    }

    /// Answered hold for the queues that have it; nil: every caller hears ringback until an agent answers.
    public var holdMedia: (any HoldMedia)? {
        get { context.holdMedia }
        set {
            context.holdMedia = newValue
            newValue?.onKey = { [weak self] callID, key in self?.post(.call(callID, .callerPressed(key: key))) }
        }
    }

    /// The media of callbacks (confirmation, the agent's stream); nil: a caller asking for a callback
    /// is not confirmed, and agents are not offered the call back.
    public var callbackMedia: (any CallbackMedia)? {
        get { context.callbackMedia }
        set { context.callbackMedia = newValue }
    }

    /// The number of calls and dialogs held (for status and leak checks).
    public var liveCounts: (calls: Int, dialogs: Int) { (sessions.count, dialogOwners.count) }

    // MARK: Mailbox

    /// Queues work and, unless the mailbox is already running further up the stack, runs it all.
    func post(_ work: CallWork) {
        guard !running else { return mailbox.append(work) }
        serially { mailbox.append(work) }
    }

    /// Runs `body` as one mailbox item: what it posts runs after it returns. Callers whose queueing
    /// was put off are queued first, unless `body` is a new caller's arrival, which may be put off too.
    private func serially(queuingArrivals: Bool = true, _ body: () -> Void) {
        guard !running else { return body() }
        running = true
        if queuingArrivals {
            queueArrivals()
            while let next = mailbox.popFirst() { perform(next) }
        }
        body()
        while let next = mailbox.popFirst() { perform(next) }
        running = false
    }

    /// The transport has handed up its batch of reads: the callers sent `100 Trying` meanwhile are queued.
    public func readBatchEnded() {
        serially {}
    }

    /// Decisions the distributor reached on its own (a back-off ended, a caller waited too long).
    public func deliver(_ decisions: [DistributionDecision]) {
        guard !decisions.isEmpty else { return }
        post(.decisions(decisions))
    }

    private func perform(_ work: CallWork) {
        switch work {
        case .call(let callID, let event):
            if let session = sessions[callID] {
                session.handle(event)
            } else if case .offer(let agent, _) = event {
                post(.distribution(.offerFailed(callID, agentID: agent.agentID, .trunkFailure)))
            }
        case .distribution(let event):
            perform(distributor.handle(event, now: now))
        case .decisions(let decisions):
            perform(decisions)
        }
    }

    private func perform(_ decisions: [DistributionDecision]) {
        for decision in decisions {
            switch decision {
            case .offer(let callID, let agent, let ringTimeout):
                post(.call(callID, .offer(agent, ringTimeout: ringTimeout)))
            case .redirect(let callID, let number):
                post(.call(callID, .redirect(number: number)))
            case .cancelOffer(let callID, let agentID):
                post(.call(callID, .cancelOffer(agentID: agentID)))
            case .release(let callID, let statusCode, let reason):
                post(.call(callID, .release(statusCode: statusCode, reason: reason)))
            case .callBack(let callID, let ringTimeout):
                post(.call(callID, .callBack(ringTimeout: ringTimeout)))
            case .callbackFailed(let callID, let attempts):
                post(.call(callID, .callbackFailed(attempts: attempts)))
            }
        }
    }

    // MARK: TransactionUser

    /// A new request outside any transaction's retransmissions.
    public func receivedRequest(_ request: SIPRequest, transaction: ServerTransaction) {
        serially(queuingArrivals: !request.isInitialInvite) { route(request, transaction: transaction) }
        releaseUnusedPlace()
    }

    /// An ACK for a 2xx (or passed up from the Accepted state).
    public func receivedACK(_ ack: SIPRequest, from source: SIPPeerAddress) {
        serially {
            if case .live(let session) = dialogOwners[DialogKey(callID: ack.headers.callID, localTag: ack.headers.to.tag ?? "")] {
                session.receivedACK(ack)
            }
        }
    }

    /// A CANCEL for a pending INVITE: the queued caller gives up, or the INVITE gets 487.
    public func receivedCANCEL(for invite: ServerTransaction) {
        serially {
            if let session = sessions[invite.callID], session.isALeg(invite) {
                session.post(.callerCancelled)
            } else {
                invite.respond(statusCode: 487)
            }
        }
    }

    /// A 2xx retransmission or a late fork's 2xx for one of the calls' B-legs.
    public func receivedStrayResponse(_ response: SIPResponse, from source: SIPPeerAddress) {
        guard response.headers.cseq.method == .invite, (200..<300).contains(response.statusCode) else { return }
        let key = DialogKey(callID: response.headers.callID, localTag: response.headers.from.tag ?? "")
        serially {
            switch dialogOwners[key] {
            case .live(let session): session.receivedStrayAnswer(response)
            case .ended(let call): call.receivedStrayAnswer(response)
            case nil: context.logger.debug("2xx for no dialog", metadata: ["sip.call_id": "\(response.headers.callID)"])
            }
        }
    }

    /// A server transaction gave up (no ACK for a final non-2xx, or the transport failed).
    public func serverTransactionFailed(_ transaction: ServerTransaction) {
        context.logger.debug("server transaction failed", metadata: ["sip.call_id": "\(transaction.callID)",
                                                                     "sip.method": "\(transaction.method)"])
    }

    // MARK: CallSessionDelegate

    func answeredAfterEnd(_ response: SIPResponse) {
        receivedStrayResponse(response, from: context.configuration.trunk)
    }

    func answered(_ session: CallSession) {
        stopWaiting(session)
    }

    func own(_ key: DialogKey, by session: CallSession) {
        dialogOwners[key] = .live(session)
    }

    /// Forgets a finished call: its dialogs stay routable for a short linger (64·T1), owned by a
    /// small `EndedCall` instead of the session, so crossing BYEs and retransmissions get a proper
    /// answer; then they are dropped.
    func finished(_ session: CallSession, record: CallRecord) {
        sessions[session.callID] = nil
        sessions.releaseUnusedCapacity()
        context.configuration.census.ended()
        if session.answeredAt == nil { stopWaiting(session) }
        records(record)
        let ended = EndedCall(session, lingeringUntil: now + context.stack.timers.t1 * 64)
        for key in ended.dialogKeys {
            if case .live(let owner) = dialogOwners[key], owner === session { dialogOwners[key] = .ended(ended) }
        }
        linger(ended)
        if sessions.isEmpty { wakeIdleWaiters() }
    }

    private func stopWaiting(_ session: CallSession) {
        waitingCount -= 1
        context.configuration.census.stoppedWaiting()
        let trunk = session.inviteTransaction.source.ipAddress
        waitingByTrunk[trunk] = (waitingByTrunk[trunk] ?? 1) - 1
        if waitingByTrunk[trunk] == 0 { waitingByTrunk[trunk] = nil }
    }
}
