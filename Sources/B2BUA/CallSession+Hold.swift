import SIPCore
import SIPStack

/// Answered hold: the caller answered with Switchboard's own SDP while the hold media plays, then
/// media release when an agent answers: a re-INVITE offers the caller the agent's SDP under
/// Switchboard's origin, one version on (RFC 3264 §8), and the hold media stops once it is accepted.
extension CallSession {
    /// Opens the caller's stream; its answer (or its failure) comes back through the mailbox.
    func startHold() {
        guard let media = context.holdMedia, let holdOffer else {
            post(.holdUnavailable)
            return
        }
        media.start(callID, queue: queue, offer: holdOffer) { [weak self] answer in
            guard let self else { return }
            self.holdAnswer = answer
            if answer == nil {
                self.context.logger.warning("no hold media for the caller: ringback instead", metadata: ["sip.call_id": "\(self.callID)"])
            }
            self.post(answer == nil ? .holdUnavailable : .holdReady)
        }
    }

    /// Performs the hold actions of the state machine.
    func performHold(_ action: CallStateMachine.Action) {
        switch action {
        case .answerCallerForHold:
            guard let answer = holdAnswer else { return }
            callerOrigin = SessionVersion.origin(of: answer)
            sendCallerOK(body: answer, contentType: "application/sdp")
            context.logger.info("caller answered for hold", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)"])
        case .ringBack:
            ringBack()
        case .stopHold:
            context.holdMedia?.stop(callID)
        case .releaseHeldCaller(let attempt, let toTag):
            connectHeldCaller(attempt: attempt, toTag: toTag)
        default:
            return
        }
    }

    /// A re-INVITE or UPDATE from the caller on hold, with no agent to relay it to (a session refresh,
    /// RFC 4028 §7.4, or the SBC's own re-offer), or on the caller's leg of an anchored call: answered
    /// here, the caller's session timer restarted, with Switchboard's description (RFC 3264 §8: the same
    /// version when unchanged) when the request is an INVITE or carries an offer. An offer that moves
    /// the media moves the stream's remote.
    func answerHeldCaller(_ request: SIPRequest, transaction: ServerTransaction) {
        var description = holdAnswer
        guard followReoffer(request, transaction: transaction, attempt: nil, description: &description) else { return }
        if let description, description != holdAnswer {
            holdAnswer = description
            callerOrigin = SessionVersion.origin(of: description)
        }
        answerLocally(request, transaction: transaction, with: description, on: .caller)
    }

    /// Answers a re-INVITE or UPDATE on `leg` here with `description`, unchanged (RFC 3264 §8), when
    /// the request is an INVITE or carries an offer, and restarts the leg's session timer.
    func answerLocally(_ request: SIPRequest, transaction: ServerTransaction, with description: [UInt8]?, on leg: Leg) {
        let timer = context.sessionTimer.answer(to: request, now: context.now)
        if case .reject(let statusCode, let reasonPhrase, let headers) = timer {
            transaction.respond(statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
            return
        }
        var ok = SIPResponse(replyingTo: request, statusCode: 200)
        ok.headers.contact = [context.localContact]
        if request.method == .invite || !request.body.isEmpty, let description {
            ok.headers.contentType = "application/sdp"
            ok.body = description
        }
        if case .accept(let state, let headers) = timer {
            ok.headers.fields.append(contentsOf: headers)
            runSessionTimer(state, on: leg)
        }
        transaction.respond(ok)
    }

    /// Media release: the agent's leg carries the call from now on; the caller is offered the agent's
    /// SDP, and the hold media stops once the caller accepts it.
    func releaseHeldCaller(to answer: Answer) {
        adoptAgentLeg(answer)
        var offer = answer.response.body
        if let origin = callerOrigin, let next = SessionVersion.reoffer(offer, continuing: origin) {
            offer = next.description
            callerOrigin = next.origin
        }
        pendingRelease = (offer, answer.response.headers.contentType)
        if callerOK == nil { sendPendingRelease() }
    }

    /// The agent's dialog carries the call: the call counts as answered (once), with its maximum
    /// duration, and the agent's session timer runs.
    func adoptAgentLeg(_ answer: Answer) {
        agentDialog = answer.dialog
        if answeredAt == nil {
            answeredAt = context.now
            delegate.answered(self)
            start(.maximumDuration, after: context.configuration.maximumCallDuration) { $0.post(.limitReached) }
        }
        runSessionTimer(context.sessionTimer.negotiated(by: answer.response, now: context.now), on: .agent)
    }

    /// Sends the media release's re-INVITE, unless Switchboard's 200 OK still waits for the caller's
    /// ACK: no re-INVITE before the INVITE that made the dialog is acknowledged (RFC 3261 §14.1), so
    /// the ACK sends it then.
    func sendPendingRelease() {
        guard let (offer, contentType) = pendingRelease else { return }
        pendingRelease = nil
        context.logger.info("media release", metadata: ["sip.call_id": "\(callID)"])
        reconnectCaller(withSDP: offer, contentType: contentType) { session in
            session.context.holdMedia?.stop(session.callID)
        }
    }
}
