import SIPCore
import SIPDialog
import SIPStack

/// How the router answers a request that is not a retransmission: RFC 3261 §8.2 checks first, then
/// in-dialog routing, OPTIONS, or a new call.
extension CallRouter {
    func route(_ request: SIPRequest, transaction: ServerTransaction) {
        if let rejection = UASRequestInspection.rejection(for: request) {
            transaction.respond(rejection)
            return
        }
        if request.headers.to.tag != nil {
            routeInDialog(request, transaction: transaction)
            return
        }
        switch request.method {
        case .options:
            transaction.respond(UASRequestInspection.optionsResponse(to: request, draining: draining,
                                                                     retryAfterSeconds: context.configuration.retryAfterSeconds))
        case .invite:
            receivedInitialInvite(request, transaction: transaction)
        default:
            transaction.respond(statusCode: 481)
        }
    }

    /// Routes a request with a To tag to the call owning that dialog; 481 when none does.
    private func routeInDialog(_ request: SIPRequest, transaction: ServerTransaction) {
        let key = DialogKey(callID: request.headers.callID, localTag: request.headers.to.tag ?? "")
        switch dialogOwners[key] {
        case .live(let session):
            session.receivedInDialog(request, transaction: transaction, leg: session.owningLeg(of: request))
        case .ended(let call):
            call.receivedInDialog(request, transaction: transaction)
        case nil:
            transaction.respond(statusCode: request.method == .options ? 200 : 481)
        }
    }

    /// A new caller (already admitted by `refusal(for:)`): refused while draining, for an unknown
    /// number, with a full queue, without an SDP offer, with an unacceptable session timer, a looping
    /// Call-ID or (for a queue with answered hold) an offer Switchboard cannot answer; otherwise queued.
    private func receivedInitialInvite(_ request: SIPRequest, transaction: ServerTransaction) {
        let configuration = context.configuration
        let retryAfter = SIPHeaderField(name: "Retry-After", value: String(configuration.retryAfterSeconds))
        if draining {
            transaction.respond(statusCode: 503, reasonPhrase: "Draining", headers: [retryAfter])
            return
        }
        guard let number = request.requestURI.user, let queue = context.queue(servingNumber: number) else {
            transaction.respond(statusCode: 404)
            return
        }
        let trunk = transaction.source.ipAddress
        guard waitingByTrunk[trunk, default: 0] < configuration.maximumWaitingCallsPerTrunkOnShard,
              configuration.census.reserveWaiting(under: configuration.maximumWaitingCalls) else {
            transaction.respond(statusCode: 503, reasonPhrase: "Queue Full", headers: [retryAfter])
            return
        }
        var waits = false
        defer { if !waits { configuration.census.releaseWaiting() } }
        guard !request.body.isEmpty else {
            transaction.respond(statusCode: 488, headers: [SIPHeaderField(name: "Warning", value: "399 switchboardd \"an SDP offer is required: Teams Direct Routing does not support delayed offer\"")])
            return
        }
        if case .reject(let statusCode, let reasonPhrase, let headers) = context.sessionTimer.answer(to: request, now: now) {
            transaction.respond(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
            return
        }
        guard sessions[request.headers.callID] == nil else {
            transaction.respond(statusCode: 482, reasonPhrase: "Loop Detected")
            return
        }
        var holdOffer: HoldOffer?
        if let media = context.holdMedia, media.answersCallers(of: queue) {
            switch media.negotiate(request.body) {
            case .accepted(let offer):
                holdOffer = offer
            case .refused(let warning):
                refuseOffer(request, transaction: transaction, queue: queue, warning: warning)
                return
            }
        }
        let session = CallSession(context: context, delegate: self, invite: request, transaction: transaction, queue: queue,
                                  holdOffer: holdOffer, earlyMedia: holdOffer != nil && context.holdMedia?.sendsEarlyMedia(of: queue) == true)
        sessions[session.callID] = session
        waits = true
        configuration.census.arrived(reserved: takeReservedPlace())
        waitingCount += 1
        waitingByTrunk[trunk, default: 0] += 1
        session.sendTrying()
        if context.stack.readingBatch {
            arrivals.append(session)
        } else {
            enqueue(session)
        }
    }

    /// Queues a caller sent `100 Trying`: ringback or hold, and the distributor hears of it.
    private func enqueue(_ session: CallSession) {
        session.startWaiting()
        post(.distribution(.callerArrived(session.callID, queue: session.queue, callerNumber: session.callerNumber)))
    }

    /// Queues the callers whose queueing was put off until the end of their batch of reads (a new
    /// call's `100 Trying` does not wait behind the work of the INVITEs read before it): the first
    /// time the router does anything else.
    func queueArrivals() {
        guard !arrivals.isEmpty else { return }
        let due = arrivals
        arrivals.removeAll(keepingCapacity: true)
        for session in due where sessions[session.callID] === session {
            enqueue(session)
        }
    }

    /// A caller of a queue with answered hold whose SDP offer has no stream Switchboard can play to:
    /// `488 Not Acceptable Here` with the Warning (RFC 3261 §21.4.26, §20.43), and a call record.
    private func refuseOffer(_ request: SIPRequest, transaction: ServerTransaction, queue: String, warning: String) {
        transaction.respond(statusCode: 488, toTag: SIPRandomToken.tag(), headers: [SIPHeaderField(name: "Warning", value: warning)])
        context.logger.info("caller's offer refused", metadata: ["sip.call_id": "\(request.headers.callID)", "sip.warning": "\(warning)"])
        records(CallRecord(callID: request.headers.callID, queue: queue, callerNumber: AgentInviteBuilder.callerNumber(of: request),
                           arrivedAt: now, answeredAt: nil, endedAt: now,
                           outcome: .released(statusCode: 488, reason: "Not Acceptable Here"), dialedNumber: request.requestURI.user ?? ""))
    }

    /// Every 30 s, tells the distributor which calls the router really holds, so no agent stays
    /// "on call" for a call that is gone.
    func scheduleReconciliation() {
        context.stack.timerWheel.schedule(after: .seconds(30)) { [weak self] in
            guard let self else { return }
            self.post(.distribution(.reconcile(liveCalls: Set(self.sessions.keys))))
            self.scheduleReconciliation()
        }
    }
}
