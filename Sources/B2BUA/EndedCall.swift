import SIPCore
import SIPDialog
import SIPStack
import SIPTransport

/// What a finished call keeps while its dialogs linger (64·T1): enough to answer what can still
/// arrive, and nothing of the call itself. A BYE that crossed ours gets 200, other requests 481
/// (RFC 3261 §12.2.2); a retransmitted 2xx from an agent's fork gets its ACK again; a late 2xx
/// from a fork never seen is ACKed and hung up (§13.2.2.4).
final class EndedCall {
    /// One fork's ACK, serialized, and where it goes.
    private struct SentACK {
        var fork: DialogKey
        var bytes: [UInt8]
        var destination: SIPPeerAddress
    }

    private let context: CallContext
    /// Each B-leg INVITE's identity (enough to make a dialog from a late 2xx); one or two per call,
    /// so lists, not hash tables.
    private var bLegInvites: [SIPRequest] = []
    /// The ACKs sent, each with its B-leg Call-ID and the fork's To tag.
    private var acks: [SentACK] = []

    init(_ session: CallSession) {
        context = session.context
        for attempt in session.attempts.values {
            let callID = attempt.invite.headers.callID
            bLegInvites.append(attempt.invite.identity)
            for (toTag, answer) in attempt.answers {
                acks.append(SentACK(fork: DialogKey(callID: callID, localTag: toTag), bytes: answer.ack.serialized(),
                                    destination: context.nextHop(for: answer.ack)))
            }
        }
    }

    /// A request in one of the ended dialogs.
    func receivedInDialog(_ request: SIPRequest, transaction: ServerTransaction) {
        transaction.respond(statusCode: request.method == .bye || request.method == .options ? 200 : 481)
    }

    /// A 2xx to one of the call's B-leg INVITEs.
    func receivedStrayAnswer(_ response: SIPResponse) {
        guard let toTag = response.headers.to.tag else { return }
        let key = DialogKey(callID: response.headers.callID, localTag: toTag)
        if let ack = acks.first(where: { $0.fork == key }) {
            context.stack.sendACK(bytes: ack.bytes, to: ack.destination)
            return
        }
        guard let invite = bLegInvites.first(where: { $0.headers.callID == response.headers.callID }),
              var dialog = SIPDialog(uacFor: invite, response: response) else { return }
        let ack = dialog.makeACK(inviteSequenceNumber: invite.headers.cseq.sequenceNumber, via: context.makeVia())
        acks.append(SentACK(fork: key, bytes: ack.serialized(), destination: context.nextHop(for: ack)))
        context.sendACK(ack)
        context.sendBYE(in: &dialog)
    }
}
