import SIPCore
import SIPDialog
import SIPStack

/// The B-leg: INVITEs to agents through the SBC, their responses, and the forks that answered.
extension CallSession {
    func ring(_ agent: AgentOffer, attempt: Int) {
        if machine.isCallback {
            ringForCallback(agent, attempt: attempt)
            return
        }
        if answeredHold, let media = context.holdMedia, media.anchorsMedia {
            ringAnchored(agent, attempt: attempt, media: media)
            return
        }
        let fromTag = SIPRandomToken.tag()
        let request = context.agentInvites.makeInvite(offering: invite, to: agent.number,
                                                      namePrefix: agent.callerNamePrefix ?? "\(queue) ",
                                                      callID: context.makeBLegCallID(attempt: attempt), fromTag: fromTag,
                                                      branch: SIPRandomToken.branch(), extraHeaders: context.sessionTimer.requestHeaders())
        start(request, attempt: attempt, agent: agent, fromTag: fromTag)
    }

    /// Sends a B-leg INVITE as the given attempt and routes its responses back to the state machine.
    func start(_ request: SIPRequest, attempt: Int, agent: AgentOffer, fromTag: String) {
        var current = attempts[attempt] ?? Attempt(agent: agent, invite: request)
        current.invite = request
        attempts[attempt] = current
        own(DialogKey(callID: request.headers.callID, localTag: fromTag))
        context.logger.info("offering", metadata: ["sip.call_id": "\(callID)", "acd.agent": "\(agent.agentID)", "sip.to": "\(request.requestURI)"])
        attempts[attempt]?.transaction = context.stack.send(request, to: context.configuration.trunk) { [weak self, weak delegate] response in
            if let self {
                self.agentResponded(response, attempt: attempt)
            } else if (200..<300).contains(response.statusCode) {
                delegate?.answeredAfterEnd(response)
            }
        }
    }

    /// The ring timer of an attempt fired: the state machine classifies it by the attempt's progress.
    func ringTimedOut(attempt: Int) {
        guard let current = attempts[attempt] else { return }
        reportToTrunk(attempt: attempt, OfferFailure(ringTimeoutAfter: current.progress) == .trunkFailure ? .failed : .answered)
        post(.ringTimeout(attempt: attempt, progress: current.progress))
    }

    /// Tells the trunk monitor what the trunk did with this attempt, the first time only.
    private func reportToTrunk(attempt: Int, _ observation: TrunkHealth.Observation) {
        guard attempts[attempt]?.reportedToTrunk == false else { return }
        attempts[attempt]?.reportedToTrunk = true
        context.trunkFeedback.report(observation)
    }

    private func agentResponded(_ response: SIPResponse, attempt: Int) {
        guard let current = attempts[attempt] else { return }
        guard response.statusCode >= 200 else {
            let progress = OfferProgress(provisionalStatusCode: response.statusCode)
            guard progress > current.progress else { return }
            attempts[attempt]?.progress = progress
            if progress == .ringing { post(.agentRinging(attempt: attempt)) }
            return
        }
        cancelTimer(current.ringTimer)
        let trunkFailed = response.statusCode >= 300 && OfferFailure(statusCode: response.statusCode) == .trunkFailure
        reportToTrunk(attempt: attempt, trunkFailed ? .failed : .answered)
        guard response.statusCode < 300 else {
            withdrawAgentMedia(attempt: attempt)
            post(.agentFailed(attempt: attempt, statusCode: response.statusCode))
            return
        }
        guard let toTag = response.headers.to.tag else { return }
        if let known = current.answers[toTag] {
            context.sendACK(known.ack)
            return
        }
        guard acknowledge(response, attempt: attempt) else {
            context.logger.warning("2xx without a usable Contact from the agent's side", metadata: ["sip.call_id": "\(callID)"])
            post(.agentFailed(attempt: attempt, statusCode: 502))
            return
        }
        post(.agentAnswered(attempt: attempt, toTag: toTag))
    }

    /// A 2xx that arrived after its INVITE transaction ended: re-ACK a known fork, ACK and hang up another.
    func receivedStrayAnswer(_ response: SIPResponse) {
        guard let toTag = response.headers.to.tag,
              let attempt = attempts.firstKey(where: { $0.invite.headers.callID == response.headers.callID }) else { return }
        if let known = attempts[attempt]?.answers[toTag] {
            context.sendACK(known.ack)
            return
        }
        if acknowledge(response, attempt: attempt), var dialog = attempts[attempt]?.answers[toTag]?.dialog { context.sendBYE(in: &dialog) }
    }

    /// Creates the fork's dialog and sends the ACK for its 2xx (RFC 3261 §13.2.2.4); false when the
    /// 2xx cannot make a dialog (no Contact or To tag), which the caller treats as a failed offer.
    private func acknowledge(_ response: SIPResponse, attempt: Int) -> Bool {
        guard let current = attempts[attempt], let toTag = response.headers.to.tag,
              let dialog = SIPDialog(uacFor: current.invite, response: response) else { return false }
        let ack = dialog.makeACK(inviteSequenceNumber: current.invite.headers.cseq.sequenceNumber, via: context.makeVia())
        attempts[attempt]?.answers[toTag] = Answer(response: response, dialog: dialog, ack: ack)
        context.sendACK(ack)
        return true
    }
}
