/// The events a call receives and the actions its state machine asks of the shell.
extension CallStateMachine {
    /// What happened to the call.
    public enum Event: Hashable, Sendable {
        /// The queue engine offers the call to an agent (ring-all sends several).
        case offer(AgentOffer, ringTimeout: Duration)
        /// The queue engine stops ringing an agent.
        case cancelOffer(agentID: String)
        /// The queue engine lets the caller go with a final status.
        case release(statusCode: Int, reason: String)
        /// The queue engine sends the caller to another number.
        case redirect(number: String)
        /// The caller sent CANCEL while not yet answered.
        case callerCancelled
        /// A B-leg attempt got a 2xx from the fork with this To tag.
        case agentAnswered(attempt: Int, toTag: String)
        /// A B-leg attempt ended with a final non-2xx status (408 on transaction timeout).
        case agentFailed(attempt: Int, statusCode: Int)
        /// A B-leg attempt's first 18x: the agent's endpoint rings.
        case agentRinging(attempt: Int)
        /// The ring timer of an attempt fired before its final response, after this much progress.
        case ringTimeout(attempt: Int, progress: OfferProgress)
        /// The caller acknowledged the 200 OK.
        case callerAcknowledged
        /// The caller never acknowledged the 200 OK (RFC 3261 §13.3.1.4, 64·T1).
        case callerAcknowledgementTimeout
        /// The caller sent BYE.
        case callerHungUp
        /// The agent sent BYE.
        case agentHungUp
        /// The call reached the maximum duration, or a session timer expired without refresh.
        case limitReached
        /// The connected agent sent REFER (blind transfer, RFC 3515) to this target.
        case agentTransferred(TransferTarget)
        /// Answered hold: the caller's media stream is open and its SDP answer ready.
        case holdReady
        /// Answered hold: no media stream could be opened for the caller.
        case holdUnavailable
        /// The answered caller pressed a DTMF key (an RFC 4733 event on the hold stream, or a SIP INFO).
        case callerPressed(key: Character)
        /// The queue engine made the caller a callback entry: ring the caller's number for at most
        /// `ringTimeout` once an agent answers.
        case callBack(ringTimeout: Duration)
        /// The callback's confirmation prompt has played.
        case callbackConfirmed
        /// The caller answered the call back (and was acknowledged).
        case callbackCallerAnswered
        /// The call back to the caller ended unanswered: a final non-2xx status, or nil for the ring timeout.
        case callbackCallerFailed(statusCode: Int?)
        /// The queue engine gave up calling the caller back after `attempts` calls.
        case callbackFailed(attempts: Int)
    }

    /// What the shell must do.
    public enum Action: Hashable, Sendable {
        /// Send a new B-leg INVITE for this attempt to the agent, through the SBC.
        case ringAgent(attempt: Int, AgentOffer)
        /// Fire `.ringTimeout(attempt:progress:)` after the duration.
        case startRingTimer(attempt: Int, Duration)
        /// CANCEL the attempt's INVITE (and stop its ring timer).
        case cancelAgent(attempt: Int)
        /// Answer the caller with 200 OK carrying the SDP of the fork that answered.
        case answerCaller(attempt: Int, toTag: String)
        /// Answer the caller with a final non-2xx status.
        case rejectCaller(statusCode: Int, reason: String)
        /// Answer the caller `302` with a Contact for this number.
        case redirectCaller(number: String)
        /// Hang up (BYE) a B-leg dialog that answered but is not wanted.
        case hangUpStrayAnswer(attempt: Int, toTag: String)
        /// Send BYE on the caller's dialog.
        case hangUpCaller
        /// Send BYE on the agent's dialog.
        case hangUpAgent
        /// Re-INVITE the already answered caller with the SDP of the fork that answered (after a transfer).
        case reconnectCaller(attempt: Int, toTag: String)
        /// Answer the REFER with 202 (RFC 3515 §2.4.4), and a NOTIFY `100 Trying` when the outcome is
        /// not known yet (§2.4.5).
        case acceptTransfer(reportProgress: Bool)
        /// Send the transferring agent the final NOTIFY with this status, then, once it is answered,
        /// hang up its leg.
        case completeTransfer(statusCode: Int)
        /// Refuse the REFER with this status.
        case rejectTransfer(statusCode: Int)
        /// Put the caller back in a queue (the transfer target was one of Switchboard's own numbers).
        case requeue(queue: String)
        /// Send a new B-leg INVITE for this attempt to the exact Refer-To URI, with Referred-By.
        case ringTransferTarget(attempt: Int, referTo: String, referredBy: String?)
        /// Answered hold: answer the caller with 200 OK carrying Switchboard's own SDP answer.
        case answerCallerForHold
        /// Send ringback (180) to the caller, repeated every minute, as a queue without answered hold does.
        case ringBack
        /// Stop the caller's hold media (close the stream, free its port).
        case stopHold
        /// Media release: re-INVITE the caller on hold with the SDP of the fork that answered as a new
        /// offer (once the caller has acknowledged Switchboard's 200 OK), then stop the hold media once
        /// the caller accepts it.
        case releaseHeldCaller(attempt: Int, toTag: String)
        /// Early media: send the caller `183 Session Progress` with Switchboard's own SDP answer, repeated
        /// every minute while the caller is not answered.
        case sendEarlyMedia
        /// Early media: answer the caller with 200 OK carrying the SDP of the 183, then, once the caller
        /// acknowledges it, release the media to the fork that answered as `releaseHeldCaller` does.
        case answerEarlyCaller(attempt: Int, toTag: String)
        /// Callback: play the confirmation prompt to the caller, then post `.callbackConfirmed`.
        case confirmCallback
        /// Callback: close the caller's hold stream only (the agents' streams stay).
        case stopCallerStream
        /// Callback: the agent of `attempt` answered with the fork `toTag`; the agent's leg carries the
        /// call, and the caller's number is rung with the agent's SDP for at most `ringTimeout`.
        case callCallerBack(attempt: Int, toTag: String, ringTimeout: Duration)
        /// Callback: CANCEL the call back to the caller still ringing.
        case cancelCallerCall
        /// Callback: the caller answered; offer the agent the caller's SDP (media release), or bridge.
        case releaseCallbackAgent(attempt: Int)
        /// Callback: end the agent's leg of `attempt` (BYE unless the agent hung up) and close its stream.
        case endCallbackAgent(attempt: Int, sendBYE: Bool)
        /// Tell the queue engine.
        case notify(DistributionEvent)
        /// The call is over; write its record.
        case finished(CallOutcome)
    }
}
