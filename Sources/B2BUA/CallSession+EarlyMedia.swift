import SIPCore

/// Early media: the caller hears the hold media after `183 Session Progress` carrying Switchboard's
/// SDP answer and is answered only when an agent is, with the same SDP in the 200; the media release
/// re-INVITE then follows the caller's ACK (or, with anchored media, the streams are bridged), as
/// with answered hold.
extension CallSession {
    /// The 183 with Switchboard's SDP, repeated every minute while the caller is unanswered (RFC 3261
    /// §13.3.1.1, so no proxy's Timer C ends the INVITE). It is not sent reliably (no RFC 3262), so
    /// every repetition carries the same answer.
    func sendEarlyMedia() {
        guard inviteTransaction.finalStatusCode == nil, let answer = holdAnswer else { return }
        if callerOrigin == nil {
            callerOrigin = SessionVersion.origin(of: answer)
            context.logger.info("early media for the caller", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)"])
        }
        var progress = callerResponse(statusCode: 183)
        progress.headers.contentType = "application/sdp"
        progress.body = answer
        inviteTransaction.respond(progress)
        start(.ringback, after: .seconds(60)) { $0.sendEarlyMedia() }
    }

    /// The agent answered: the caller's 200 carries the 183's SDP (RFC 3264 §4: the SDP of an
    /// unreliable provisional response is the answer, and the 2xx repeats it, RFC 3261 §13.2.1), and
    /// the agent's SDP follows in the media release re-INVITE once the caller acknowledges the 200
    /// (with anchored media, Switchboard bridges the streams instead).
    func answerEarlyCaller(attempt: Int, toTag: String) {
        guard let hold = holdAnswer, attempts[attempt]?.answers[toTag] != nil else { return }
        cancel(.ringback)
        sendCallerOK(body: hold, contentType: "application/sdp")
        connectHeldCaller(attempt: attempt, toTag: toTag)
    }
}
