import SIPCore
import SIPStack

/// Answered hold: the keys a waiting caller presses. RFC 4733 telephone-events on the caller's stream
/// come from the hold media (`HoldMedia.onKey`); an SBC that sends DTMF in SIP sends an INFO with an
/// `application/dtmf-relay` body instead, answered here.
extension CallSession {
    /// The media type of the INFO body that carries a key.
    static let dtmfRelayType = "application/dtmf-relay"

    /// An INFO from the caller on hold, with no agent to relay it to: a `dtmf-relay` key is answered
    /// `200` and goes to the call; another body is refused `415` naming the one type accepted (RFC 3261
    /// §21.4.13), a `dtmf-relay` body without a key `400`.
    func receivedKeyFromHeldCaller(_ request: SIPRequest, transaction: ServerTransaction) {
        let type = request.headers.contentType?.split(separator: ";").first.map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() }
        guard type == Self.dtmfRelayType else {
            transaction.respond(statusCode: 415, headers: [SIPHeaderField(name: "Accept", value: Self.dtmfRelayType)])
            return
        }
        guard let key = context.holdMedia?.key(inDTMFRelay: request.body) else {
            transaction.respond(statusCode: 400, reasonPhrase: "No DTMF Key In Body")
            return
        }
        transaction.respond(statusCode: 200)
        context.logger.debug("caller pressed a key (INFO)", metadata: ["sip.call_id": "\(callID)"])
        post(.callerPressed(key: key))
    }
}
