import SIPCore
import SIPStack

/// Re-offers on a leg whose media Switchboard terminates (the caller on answered hold; either leg
/// of an anchored call): RFC 3264 §8 lets a new offer move the media to another address or port, or
/// change its payload types, so the media edge's stream follows it and Switchboard answers with its
/// own description, unchanged (same version) unless the offer changed what it answers.
extension CallSession {
    /// Passes the request's offer, if any, to the media edge for the stream of `attempt`'s agent (or
    /// the caller's, `attempt` nil) and puts Switchboard's answer in `description`. False when the
    /// offer cannot go on with the running stream: it was answered `488` with the Warning, and the
    /// session stays as it was (RFC 3261 §14.2). Without an offer, or when the edge has no stream for
    /// the leg, `description` stays as it is.
    func followReoffer(_ request: SIPRequest, transaction: ServerTransaction, attempt: Int?, description: inout [UInt8]?) -> Bool {
        guard !request.body.isEmpty, let media = context.holdMedia,
              let answer = media.answerReoffer(callID, attempt: attempt, offer: request.body) else { return true }
        switch answer {
        case .answered(let answer):
            description = answer
            return true
        case .refused(let warning):
            context.logger.info("re-offer refused", metadata: ["sip.call_id": "\(callID)", "sip.warning": "\(warning)"])
            transaction.respond(statusCode: 488, headers: [SIPHeaderField(name: "Warning", value: warning)])
            return false
        }
    }
}
