import SIPCore
import SIPDialog

/// The A-leg answer: 200 OK with the agent's SDP, its retransmission until the ACK, the session
/// timers of both legs and the maximum duration.
extension CallSession {
    func answerCaller(with answer: Answer?) {
        guard let answer else { return }
        agentDialog = answer.dialog
        answeredAt = context.now
        cancel(.ringback)
        delegate.answered(self)
        sendCallerOK(body: answer.response.body, contentType: answer.response.headers.contentType ?? "application/sdp")
        runSessionTimer(context.sessionTimer.negotiated(by: answer.response, now: context.now), on: .agent)
        start(.maximumDuration, after: context.configuration.maximumCallDuration) { $0.post(.limitReached) }
    }

    /// The caller's 200 OK with `body`, the caller's session timer, the caller's dialog, and the 200's
    /// retransmission until the ACK.
    func sendCallerOK(body: [UInt8], contentType: String) {
        var ok = callerResponse(statusCode: 200)
        ok.headers.contentType = contentType
        ok.body = body
        let callerTimer = context.sessionTimer.answer(to: invite, now: context.now)
        if case .accept(_, let headers) = callerTimer { ok.headers.fields.append(contentsOf: headers) }
        callerOK = ok
        inviteTransaction.respond(ok)
        callerDialog = SIPDialog(uasFor: invite, localTag: localTag)
        if case .accept(let state, _) = callerTimer { runSessionTimer(state, on: .caller) }
        own(DialogKey(callID: callID, localTag: localTag))
        retransmitAnswer(after: context.stack.timers.t1, elapsed: .zero)
    }

    /// RFC 3261 §13.3.1.4: the UAS core retransmits its 2xx until the ACK comes, for 64·T1.
    private func retransmitAnswer(after interval: Duration, elapsed: Duration) {
        let timers = context.stack.timers
        start(.answerRetransmission, after: interval) { session in
            guard let ok = session.callerOK else { return }
            let total = elapsed + interval
            if total >= timers.t1 * 64 {
                session.post(.callerAcknowledgementTimeout)
                return
            }
            if !session.inviteTransaction.source.transport.isReliable {
                session.context.stack.resendResponse(ok, receivedFrom: session.inviteTransaction.source)
            }
            session.retransmitAnswer(after: min(interval * 2, timers.t2), elapsed: total)
        }
    }

    /// The ACK for our 200 on the caller's leg.
    func receivedACK(_ ack: SIPRequest) {
        guard ack.headers.callID == callID, callerOK != nil else { return }
        callerOK = nil
        cancel(.answerRetransmission)
        sendPendingRelease()
        post(.callerAcknowledged)
    }
}
