import SIPCore
import SIPDialog
import SIPStack

/// The calls back to a caller who asked for a callback: how many were made, and the one in progress.
struct CallbackLeg {
    /// The calls back made so far.
    var attempts = 0
    /// The INVITE of the call back ringing now; nil once it is answered, refused or timed out.
    var ringing: SIPRequest?
    /// Its client transaction, to CANCEL it.
    var transaction: ClientTransaction?
    /// The Call-ID of the last call back: requests carrying it belong to the caller's leg.
    var callID: String?
    /// The caller's SDP answer and its type, offered to the agent once the caller answered.
    var answer: (body: [UInt8], contentType: String?)?
    /// The ACK of the answered call back, sent again for a retransmitted 2xx.
    var ack: SIPRequest?
    /// Anchored media: the call back offers a stream of Switchboard's, bridged to the agent's once answered.
    var anchored = false
    /// The SDP answer of the agent waiting for the caller.
    var agentAnswer: [UInt8] = []
}

/// The call back itself: the caller's number rung through the trunk once the agent answered, and the
/// media release toward the agent once the caller answered (with anchored media: the caller is offered
/// a stream of Switchboard's, bridged to the agent's once answered).
extension CallSession {
    /// The agent answered: its leg carries the call (it hears its stream's silence), and the caller's
    /// number is rung with the agent's SDP under a new origin of Switchboard's (with anchored media:
    /// Switchboard's own offer from a new stream toward the caller).
    func callCallerBack(attempt: Int, toTag: String, ringTimeout: Duration) {
        guard let answer = attempts[attempt]?.answers[toTag] else { return post(.callbackCallerFailed(statusCode: 500)) }
        agentDialog = answer.dialog
        runSessionTimer(context.sessionTimer.negotiated(by: answer.response, now: context.now), on: .agent)
        if context.callbackMedia?.connectCallbackAgent(callID, attempt: attempt, answer: answer.response.body) != true {
            context.logger.warning("the agent's SDP answer has no stream to send to: the agent hears nothing until the caller answers",
                                   metadata: ["sip.call_id": "\(callID)"])
        }
        callback.attempts += 1
        callback.agentAnswer = answer.response.body
        guard context.holdMedia?.anchorsMedia == true, let media = context.callbackMedia else {
            return sendCallBack(offer: ownOrigin(on: answer.response.body), ringTimeout: ringTimeout)
        }
        media.offerToCaller(callID, agentAnswer: answer.response.body) { [weak self] offer in
            guard let self else { return }
            guard case .calling(let current, _, _) = self.machine.callback, current == attempt else {
                if offer != nil { media.stopCallerStream(self.callID) }
                return
            }
            if let offer {
                self.callback.anchored = true
                self.holdAnswer = offer
                self.sendCallBack(offer: offer, ringTimeout: ringTimeout)
            } else {
                self.context.logger.warning("no media stream for the caller of a callback: media release instead",
                                            metadata: ["sip.call_id": "\(self.callID)"])
                self.sendCallBack(offer: self.ownOrigin(on: answer.response.body), ringTimeout: ringTimeout)
            }
        }
    }

    /// `description` under a new origin of Switchboard's, version 1 (RFC 3264 §5: Switchboard offers).
    private func ownOrigin(on description: [UInt8]) -> [UInt8] {
        let host = context.configuration.localHost
        let origin = "switchboard \(UInt64.random(in: 1...UInt64(Int64.max))) 0 IN \(host.contains(":") ? "IP6" : "IP4") \(host)"
        return SessionVersion.reoffer(description, continuing: origin)?.description ?? description
    }

    /// Sends the call back with `offer` and gives it `ringTimeout` to be answered.
    private func sendCallBack(offer: [UInt8], ringTimeout: Duration) {
        let fromTag = SIPRandomToken.tag()
        let request = context.agentInvites.makeCallback(to: callerNumber, from: invite.requestURI.user ?? "", callID: context.makeCallbackCallID(),
                                                        fromTag: fromTag, branch: SIPRandomToken.branch(), offer: offer,
                                                        extraHeaders: context.sessionTimer.requestHeaders())
        callback.callID = request.headers.callID
        callback.ringing = request
        callback.ack = nil
        own(DialogKey(callID: request.headers.callID, localTag: fromTag))
        context.logger.info("calling the caller back", metadata: ["sip.call_id": "\(callID)", "acd.attempt": "\(callback.attempts)",
                                                                  "sip.to": "\(request.requestURI)"])
        callback.transaction = context.stack.send(request, to: context.configuration.trunk) { [weak self] response in
            self?.callerResponded(response, to: request)
        }
        start(.callbackRing, after: ringTimeout) { session in
            guard session.callback.ringing != nil else { return }
            session.callback.ringing = nil
            session.callback.transaction?.cancel()
            session.post(.callbackCallerFailed(statusCode: nil))
        }
    }

    /// A response to a call back: a 2xx of the call back ringing connects the caller; one that comes
    /// after it was given up is acknowledged and hung up; a final refusal is an unanswered attempt.
    private func callerResponded(_ response: SIPResponse, to request: SIPRequest) {
        guard response.statusCode >= 200 else { return }
        let current = callback.ringing?.headers.callID == request.headers.callID
        guard response.statusCode < 300 else {
            guard current else { return }
            cancel(.callbackRing)
            callback.ringing = nil
            post(.callbackCallerFailed(statusCode: response.statusCode))
            return
        }
        if let ack = callback.ack, ack.headers.callID == request.headers.callID {
            context.sendACK(ack)
            return
        }
        guard var dialog = SIPDialog(uacFor: request, response: response) else { return }
        let ack = dialog.makeACK(inviteSequenceNumber: request.headers.cseq.sequenceNumber, via: context.makeVia())
        context.sendACK(ack)
        guard current else {
            context.sendBYE(in: &dialog)
            return
        }
        cancel(.callbackRing)
        callback.ringing = nil
        callback.ack = ack
        callback.answer = (response.body, response.headers.contentType)
        callerDialog = dialog
        runSessionTimer(context.sessionTimer.negotiated(by: response, now: context.now), on: .caller)
        answeredAt = context.now
        delegate.answered(self)
        start(.maximumDuration, after: context.configuration.maximumCallDuration) { $0.post(.limitReached) }
        post(.callbackCallerAnswered)
    }

    /// Media release toward the agent: the caller's SDP under the origin of Switchboard's offer to the
    /// agent, one version on; the agent's stream stops once the agent accepts it.
    func releaseCallbackAgent(attempt: Int) {
        guard var dialog = agentDialog, let answer = callback.answer else { return }
        if callback.anchored, let media = context.callbackMedia {
            guard media.bridgeCallback(callID, queue: queue, attempt: attempt, callerAnswer: answer.body, agentAnswer: callback.agentAnswer) else {
                context.logger.warning("the caller's SDP answer cannot be relayed: the call is ended", metadata: ["sip.call_id": "\(callID)"])
                return post(.limitReached)
            }
            context.logger.info("media anchored (callback)", metadata: ["sip.call_id": "\(callID)"])
            return
        }
        var offer = answer.body
        if let sent = attempts[attempt]?.invite.body, let origin = SessionVersion.origin(of: sent),
           let next = SessionVersion.reoffer(offer, continuing: origin) {
            offer = next.description
        }
        attempts[attempt]?.anchored = false
        var reinvite = dialog.makeRequest(method: .invite, via: context.makeVia(), contact: context.localContact,
                                          body: offer, contentType: answer.contentType ?? "application/sdp")
        if let state = sessionTimers[.agent] { reinvite.headers.fields.append(contentsOf: context.sessionTimer.requestHeaders(refreshing: state)) }
        agentDialog = dialog
        context.logger.info("media release (callback)", metadata: ["sip.call_id": "\(callID)"])
        context.send(reinvite) { [weak self] response in
            guard let self, response.statusCode >= 200 else { return }
            guard response.statusCode < 300, let dialog = self.agentDialog else { return self.post(.limitReached) }
            self.context.sendACK(dialog.makeACK(inviteSequenceNumber: reinvite.headers.cseq.sequenceNumber, via: self.context.makeVia()))
            self.context.holdMedia?.stopAgentLeg(self.callID, attempt: attempt)
        }
    }
}
