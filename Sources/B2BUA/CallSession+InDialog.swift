import SIPCore
import SIPDialog
import SIPStack

extension CallSession {
    /// A request inside one of this call's dialogs (RFC 3261 §12.2.2): BYE is mirrored, re-INVITE,
    /// UPDATE and INFO are relayed to the other leg with their offer/answer, OPTIONS is answered here.
    func receivedInDialog(_ request: SIPRequest, transaction: ServerTransaction, leg: Leg) {
        if let transferor = transferorDialog, SIPDialogID.forIncoming(request) == transferor.id {
            receivedFromTransferor(request, transaction: transaction)
            return
        }
        guard var dialog = leg == .caller ? callerDialog : agentDialog, SIPDialogID.forIncoming(request) == dialog.id else {
            // Not the leg's current dialog: an agent transferred away, or a fork that was hung up.
            transaction.respond(statusCode: request.method == .bye ? 200 : 481)
            return
        }
        if case .reject(let statusCode, let reasonPhrase) = dialog.validateIncoming(request) {
            transaction.respond(statusCode: statusCode, reasonPhrase: reasonPhrase)
            return
        }
        store(dialog, for: leg)
        switch request.method {
        case .bye:
            transaction.respond(statusCode: 200)
            post(leg == .caller ? .callerHungUp : .agentHungUp)
        case .options:
            transaction.respond(UASRequestInspection.optionsResponse(to: request, draining: false, retryAfterSeconds: 0))
        case .invite where isOnHold(leg), .update where isOnHold(leg):
            answerHeldCaller(request, transaction: transaction)
        case .info where isOnHold(leg):
            receivedKeyFromHeldCaller(request, transaction: transaction)
        case .invite where isAnchored, .update where isAnchored:
            answerAnchoredLeg(request, transaction: transaction, leg: leg)
        case .invite, .update, .info:
            relay(request, transaction: transaction, from: leg)
        case .refer:
            receivedREFER(request, transaction: transaction, from: leg)
        default:
            transaction.respond(statusCode: 481)
        }
    }

    /// Whether `leg` is the caller answered for hold with no agent connected yet.
    private func isOnHold(_ leg: Leg) -> Bool {
        leg == .caller && holdAnswer != nil && machine.connectedAttempt == nil
    }

    func store(_ dialog: SIPDialog, for leg: Leg) {
        switch leg {
        case .caller: callerDialog = dialog
        case .agent: agentDialog = dialog
        }
    }

    /// Relays a mid-call request to the other leg and its final response back (offer/answer passes
    /// through untouched). Crossing re-INVITEs on one leg get `491 Request Pending` (RFC 3261 §14.2).
    private func relay(_ request: SIPRequest, transaction: ServerTransaction, from leg: Leg) {
        let otherLeg: Leg = leg == .caller ? .agent : .caller
        guard machine.connectedAttempt != nil, var target = otherLeg == .caller ? callerDialog : agentDialog else {
            transaction.respond(statusCode: 491)
            return
        }
        if request.method == .invite {
            guard pendingReINVITE.insert(leg).inserted else {
                transaction.respond(statusCode: 491)
                return
            }
        }
        var outgoing = target.makeRequest(method: request.method, via: context.makeVia(), contact: context.localContact,
                                          body: request.body, contentType: request.headers.contentType)
        if request.method == .info {
            for name in ["Info-Package", "Recv-Info"] { outgoing.headers.set(name, request.headers[name]) }
        } else if let state = sessionTimers[otherLeg] {
            outgoing.headers.fields.append(contentsOf: context.sessionTimer.requestHeaders(refreshing: state))
        }
        store(target, for: otherLeg)
        context.send(outgoing) { [weak self] response in
            self?.relayed(response, of: outgoing, to: otherLeg, answering: request, transaction: transaction, from: leg)
        }
    }

    private func relayed(_ response: SIPResponse, of outgoing: SIPRequest, to otherLeg: Leg, answering request: SIPRequest,
                         transaction: ServerTransaction, from leg: Leg) {
        guard response.statusCode >= 200 else { return }
        if request.method == .invite { pendingReINVITE.remove(leg) }
        if outgoing.method == .invite, response.statusCode < 300, var target = otherLeg == .caller ? callerDialog : agentDialog {
            let ack = target.makeACK(inviteSequenceNumber: outgoing.headers.cseq.sequenceNumber, via: context.makeVia())
            context.sendACK(ack)
            _ = target.refreshTarget(with: response)
            store(target, for: otherLeg)
        }
        var reply = SIPResponse(replyingTo: request, statusCode: response.statusCode, reasonPhrase: response.reasonPhrase)
        reply.body = response.body
        reply.headers.contentType = response.headers.contentType
        if response.statusCode < 300, request.method != .info {
            reply.headers.contact = [context.localContact]
            if case .accept(let state, let headers) = context.sessionTimer.answer(to: request, now: context.now) {
                reply.headers.fields.append(contentsOf: headers)
                runSessionTimer(state, on: leg)
            }
            runSessionTimer(context.sessionTimer.negotiated(by: response, now: context.now), on: otherLeg)
        }
        transaction.respond(reply)
    }
}
