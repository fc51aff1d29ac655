import SIPCore
import SIPDialog
import SIPStack

/// Blind transfer from the agent's side (RFC 3515 REFER, as Teams sends it through Direct Routing): 202, NOTIFY with
/// `message/sipfrag` progress, then either the caller back in a queue (a Refer-To naming one of
/// Switchboard's own numbers) or a new INVITE through the SBC to the exact Refer-To with Referred-By.
extension CallSession {
    /// A REFER in the agent's dialog.
    func receivedREFER(_ request: SIPRequest, transaction: ServerTransaction, from leg: Leg) {
        guard let referTo = request.headers.referTo, let referToText = request.headers["Refer-To"].first else {
            transaction.respond(statusCode: 400, reasonPhrase: "Missing Refer-To")
            return
        }
        guard leg == .agent, pendingREFER == nil else {
            transaction.respond(statusCode: leg == .agent ? 491 : 403)
            return
        }
        pendingREFER = transaction
        transferorDialog = agentDialog
        let target: TransferTarget = if let number = referTo.uri.user, let queue = context.queue(servingNumber: number) {
            .queue(queue)
        } else {
            .uri(referTo: referToText, referredBy: request.headers["Referred-By"].first)
        }
        context.logger.info("blind transfer", metadata: ["sip.call_id": "\(callID)", "sip.refer_to": "\(referToText)"])
        post(.agentTransferred(target))
    }

    /// Performs the transfer actions of the state machine.
    func performTransfer(_ action: CallStateMachine.Action) {
        switch action {
        case .acceptTransfer(let reportProgress):
            pendingREFER?.respond(statusCode: 202)
            pendingREFER = nil
            if reportProgress { sendTransferNotify(statusLine: "SIP/2.0 100 Trying", final: false) }
        case .rejectTransfer(let statusCode):
            pendingREFER?.respond(statusCode: statusCode)
            pendingREFER = nil
            transferorDialog = nil
        case .completeTransfer(let statusCode):
            let reason = SIPResponse.standardReasonPhrase(for: statusCode)
            sendTransferNotify(statusLine: "SIP/2.0 \(statusCode) \(reason)", final: true) { session in
                guard var transferor = session.transferorDialog else { return }
                session.context.sendBYE(in: &transferor)
                session.transferorDialog = transferor
            }
        case .requeue(let queue):
            self.queue = queue
            unbridgeCaller(requeuedTo: queue)
            delegate.post(.distribution(.callerArrived(callID, queue: queue, callerNumber: callerNumber)))
        case .ringTransferTarget(let attempt, let referTo, let referredBy):
            ringTransferTarget(attempt: attempt, referTo: referTo, referredBy: referredBy)
        case .reconnectCaller(let attempt, let toTag):
            guard let answer = attempts[attempt]?.answers[toTag] else { return }
            guard attempts[attempt]?.anchored != true else {
                connectHeldCaller(attempt: attempt, toTag: toTag)
                return
            }
            agentDialog = answer.dialog
            reconnectCaller(withSDP: answer.response.body, contentType: answer.response.headers.contentType) { session in
                if session.answeredHold { session.context.holdMedia?.stop(session.callID) }
            }
        default:
            return
        }
    }

    private func ringTransferTarget(attempt: Int, referTo: String, referredBy: String?) {
        guard let target = try? SIPNameAddress(parsing: referTo) else {
            post(.agentFailed(attempt: attempt, statusCode: 400))
            return
        }
        let fromTag = SIPRandomToken.tag()
        var request = context.agentInvites.makeInvite(offering: invite, to: target.uri.user ?? "", namePrefix: "\(queue) ",
                                                   callID: context.makeBLegCallID(attempt: attempt), fromTag: fromTag,
                                                   branch: SIPRandomToken.branch(), extraHeaders: context.sessionTimer.requestHeaders())
        var exact = target.uri
        exact.headers.removeAll { $0.name.equalsIgnoringASCIICase("Replaces") }
        request.requestURI = exact
        request.headers.to = SIPNameAddress(uri: exact)
        if let referredBy { request.headers.add("Referred-By", referredBy) }
        let agent = AgentOffer(agentID: "", number: exact.user ?? "")
        unbridgeCaller(requeuedTo: nil)
        if answeredHold, let media = context.holdMedia, media.anchorsMedia {
            sendAnchored(request, attempt: attempt, agent: agent, fromTag: fromTag, media: media)
        } else {
            start(request, attempt: attempt, agent: agent, fromTag: fromTag)
        }
    }

    /// The caller is already answered: a re-INVITE offers them the new party's SDP; the 2xx is ACKed,
    /// then `accepted` runs.
    func reconnectCaller(withSDP body: [UInt8], contentType: String?, accepted: @escaping (CallSession) -> Void = { _ in }) {
        guard var dialog = callerDialog else { return }
        var reinvite = dialog.makeRequest(method: .invite, via: context.makeVia(), contact: context.localContact,
                                          body: body, contentType: contentType ?? "application/sdp")
        if let state = sessionTimers[.caller] { reinvite.headers.fields.append(contentsOf: context.sessionTimer.requestHeaders(refreshing: state)) }
        callerDialog = dialog
        context.send(reinvite) { [weak self] response in
            guard let self, response.statusCode >= 200 else { return }
            guard response.statusCode < 300, let dialog = self.callerDialog else {
                self.post(.limitReached)
                return
            }
            let ack = dialog.makeACK(inviteSequenceNumber: reinvite.headers.cseq.sequenceNumber, via: self.context.makeVia())
            self.context.sendACK(ack)
            accepted(self)
        }
    }

    /// Sends a NOTIFY with `message/sipfrag` progress in the transferor's dialog; `answered` runs on
    /// its final response, so a BYE never overtakes the final NOTIFY.
    private func sendTransferNotify(statusLine: String, final: Bool, answered: @escaping (CallSession) -> Void = { _ in }) {
        guard var dialog = transferorDialog else { return }
        var notify = dialog.makeRequest(method: .notify, via: context.makeVia(), contact: context.localContact,
                                        body: Array((statusLine + "\r\n").utf8), contentType: "message/sipfrag;version=2.0")
        notify.headers.add("Event", "refer")
        notify.headers.add("Subscription-State", final ? "terminated;reason=noresource" : "active;expires=60")
        transferorDialog = dialog
        context.send(notify) { [weak self] response in
            if let self, response.statusCode >= 200 { answered(self) }
        }
    }

    /// Requests from the agent who transferred the caller away: their BYE ends their leg only.
    func receivedFromTransferor(_ request: SIPRequest, transaction: ServerTransaction) {
        switch request.method {
        case .bye:
            transaction.respond(statusCode: 200)
            transferorDialog = nil
        case .options:
            transaction.respond(statusCode: 200)
        default:
            transaction.respond(statusCode: 481)
        }
    }
}
