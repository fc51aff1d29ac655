import SIPCore
import SIPDialog
import SIPStack

/// Callback, on the wire: the agent is rung with Switchboard's own SDP offer (no caller is on the line,
/// and Teams needs SDP in the INVITE); once the agent answers, the caller's number is rung through the
/// trunk with the agent's SDP as the offer under a new Switchboard origin (RFC 3264 §5); once the caller
/// answers, the agent is re-INVITEd with the caller's SDP under the origin of Switchboard's offer to the
/// agent, one version on (§8), and the agent's stream stops: media release, as for a caller on hold.
extension CallSession {
    /// Which leg a request in one of this call's dialogs belongs to: the caller's A-leg and calls back
    /// are the caller's, every other dialog an agent's.
    func owningLeg(of request: SIPRequest) -> Leg {
        let id = request.headers.callID
        return id == callID || id == callback.callID ? .caller : .agent
    }

    /// Performs the callback actions of the state machine.
    func performCallback(_ action: CallStateMachine.Action) {
        switch action {
        case .confirmCallback:
            context.logger.info("callback requested", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)"])
            delegate.post(.distribution(.callbackDialing(callID, dialedNumber: invite.requestURI.user ?? "",
                                                         trunk: "\(inviteTransaction.source)")))
            guard let media = context.callbackMedia else { return post(.callbackConfirmed) }
            media.confirmCallback(callID) { [weak self] in self?.post(.callbackConfirmed) }
        case .stopCallerStream:
            context.callbackMedia?.stopCallerStream(callID)
            cancel(.answerRetransmission)
            runSessionTimer(nil, on: .caller)
        case .callCallerBack(let attempt, let toTag, let ringTimeout):
            callCallerBack(attempt: attempt, toTag: toTag, ringTimeout: ringTimeout)
        case .cancelCallerCall:
            cancel(.callbackRing)
            callback.ringing = nil
            callback.transaction?.cancel()
        case .releaseCallbackAgent(let attempt):
            releaseCallbackAgent(attempt: attempt)
        case .endCallbackAgent(let attempt, let sendBYE):
            if sendBYE, var dialog = agentDialog { context.sendBYE(in: &dialog) }
            agentDialog = nil
            runSessionTimer(nil, on: .agent)
            context.holdMedia?.stopAgentLeg(callID, attempt: attempt)
            if callback.anchored {
                callback.anchored = false
                context.callbackMedia?.stopCallerStream(callID)
            }
        default:
            return
        }
    }

    /// Rings an agent for a callback with Switchboard's own offer; without a stream the offer fails as
    /// a trunk failure (no agent is charged) and the engine tries again.
    func ringForCallback(_ agent: AgentOffer, attempt: Int) {
        var pending = Attempt(agent: agent, invite: invite)
        pending.anchored = true
        attempts[attempt] = pending
        guard let media = context.callbackMedia else { return post(.agentFailed(attempt: attempt, statusCode: 503)) }
        media.offerForCallback(callID, attempt: attempt) { [weak self] offer in
            guard let self else { return }
            guard let current = self.attempts[attempt], current.transaction == nil, !current.withdrawn else {
                self.context.holdMedia?.stopAgentLeg(self.callID, attempt: attempt)
                return
            }
            guard let offer else {
                self.context.logger.warning("no media stream for the agent of a callback", metadata: ["sip.call_id": "\(self.callID)"])
                return self.post(.agentFailed(attempt: attempt, statusCode: 503))
            }
            let fromTag = SIPRandomToken.tag()
            var request = self.context.agentInvites.makeInvite(offering: self.invite, to: agent.number,
                                                               namePrefix: agent.callerNamePrefix ?? "\(self.queue) ",
                                                               callID: self.context.makeBLegCallID(attempt: attempt), fromTag: fromTag,
                                                               branch: SIPRandomToken.branch(),
                                                               extraHeaders: self.context.sessionTimer.requestHeaders())
            request.body = offer
            request.headers.contentType = "application/sdp"
            self.start(request, attempt: attempt, agent: agent, fromTag: fromTag)
        }
    }
}
