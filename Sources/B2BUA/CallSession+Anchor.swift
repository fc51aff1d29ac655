import SIPCore
import SIPStack

/// Anchored media (`media.mode: anchored`): an agent is rung with Switchboard's own SDP offer from a
/// stream of the media edge (Teams Direct Routing needs SDP in the INVITE), and when the agent answers
/// the caller's stream and the agent's are bridged: no re-INVITE of the caller, whose SDP stays
/// Switchboard's. A caller whose stream did not open is rung for as without anchored media.
extension CallSession {
    /// The INVITE waits for the offer; when no agent stream opens the agent is offered the caller's
    /// SDP (media release for this attempt).
    func ringAnchored(_ agent: AgentOffer, attempt: Int, media: any HoldMedia) {
        let fromTag = SIPRandomToken.tag()
        let request = context.agentInvites.makeInvite(offering: invite, to: agent.number, namePrefix: agent.callerNamePrefix ?? "\(queue) ",
                                                      callID: context.makeBLegCallID(attempt: attempt), fromTag: fromTag,
                                                      branch: SIPRandomToken.branch(), extraHeaders: context.sessionTimer.requestHeaders())
        sendAnchored(request, attempt: attempt, agent: agent, fromTag: fromTag, media: media)
    }

    /// Sends `request` for `attempt` once the media edge opened a stream toward the agent, with its
    /// offer as the body; with the caller's offer it carries when none opens. Nothing is sent when
    /// the attempt was withdrawn meanwhile.
    func sendAnchored(_ request: SIPRequest, attempt: Int, agent: AgentOffer, fromTag: String, media: any HoldMedia) {
        var pending = Attempt(agent: agent, invite: request)
        pending.anchored = true
        attempts[attempt] = pending
        media.offerToAgent(callID, attempt: attempt) { [weak self] offer in
            guard let self else { return }
            guard let current = self.attempts[attempt], current.transaction == nil, !current.withdrawn else {
                media.stopAgentLeg(self.callID, attempt: attempt)
                return
            }
            var request = request
            if let offer {
                request.body = offer
                request.headers.contentType = "application/sdp"
            } else {
                self.attempts[attempt]?.anchored = false
                self.context.logger.warning("no media stream for the agent: the agent is offered the caller's SDP",
                                            metadata: ["sip.call_id": "\(self.callID)"])
            }
            self.start(request, attempt: attempt, agent: agent, fromTag: fromTag)
        }
    }

    /// An anchored attempt that ended unanswered: no INVITE goes out if its offer is still being made,
    /// and its stream closes.
    func withdrawAgentMedia(attempt: Int) {
        guard attempts[attempt]?.anchored == true else { return }
        attempts[attempt]?.withdrawn = true
        context.holdMedia?.stopAgentLeg(callID, attempt: attempt)
    }

    /// The agent of `attempt` answered a caller Switchboard answered (or is answering) itself: the
    /// streams are bridged when the agent was offered Switchboard's stream, else media release.
    func connectHeldCaller(attempt: Int, toTag: String) {
        guard let current = attempts[attempt], let answer = current.answers[toTag] else { return }
        guard current.anchored, let media = context.holdMedia else {
            releaseHeldCaller(to: answer)
            return
        }
        adoptAgentLeg(answer)
        guard media.bridge(callID, attempt: attempt, answer: answer.response.body) else {
            context.logger.warning("the agent's SDP answer cannot be relayed: the call is ended", metadata: ["sip.call_id": "\(callID)"])
            post(.limitReached)
            return
        }
        context.logger.info("media anchored", metadata: ["sip.call_id": "\(callID)"])
    }

    /// Anchored media: the agent transferred the caller away, so the caller's stream leaves the
    /// bridge and plays music on hold (with the announcements of `queue` when the caller waits
    /// there again) until the next party answers and is bridged in turn.
    func unbridgeCaller(requeuedTo queue: String?) {
        guard answeredHold, let media = context.holdMedia, media.anchorsMedia else { return }
        media.unbridge(callID, requeuedTo: queue)
    }

    /// Whether the connected call's media is bridged by Switchboard (anchored media).
    var isAnchored: Bool {
        guard let attempt = machine.connectedAttempt else { return false }
        return attempts[attempt]?.anchored == true
    }

    /// A re-INVITE or UPDATE on a leg of an anchored call (a session refresh, RFC 4028, or a re-offer)
    /// is answered here, not relayed: each leg's SDP is Switchboard's own stream, which stays as it was
    /// (the caller's: Switchboard's answer; the agent's: Switchboard's offer).
    func answerAnchoredLeg(_ request: SIPRequest, transaction: ServerTransaction, leg: Leg) {
        guard leg == .agent, let attempt = machine.connectedAttempt else {
            answerHeldCaller(request, transaction: transaction)
            return
        }
        var description = attempts[attempt]?.invite.body
        guard followReoffer(request, transaction: transaction, attempt: attempt, description: &description) else { return }
        // The agent's INVITE carried Switchboard's offer; its body is the leg's description from then on.
        if let description { attempts[attempt]?.invite.body = description }
        answerLocally(request, transaction: transaction, with: description, on: leg)
    }
}
