import SIPCore
import SIPDialog
import SIPStack
import SIPTransport

/// What a finished call keeps while its dialogs linger (64·T1): enough to answer what can still
/// arrive, and nothing of the call itself. A BYE that crossed ours gets 200, other requests 481
/// (RFC 3261 §12.2.2); a retransmitted 2xx from an agent's fork gets an ACK again; a late 2xx
/// from a fork never seen is ACKed and hung up (§13.2.2.4).
///
/// No ACK is kept for a retransmitted 2xx: a new one is built from the 2xx itself, which repeats
/// what the dialog was made of (Call-ID, tags, CSeq, Contact, Record-Route), with a fresh branch
/// as every ACK to a 2xx may have (§8.1.1.7, §17.1.1.3).
final class EndedCall {
    /// When the linger ends, on the router's clock.
    let lingeringUntil: Duration
    private let context: CallContext
    /// Whether the B-leg INVITEs were sent secure (for a dialog made from a 2xx).
    private let secure: Bool
    /// How many of `keys` are the call's dialogs; the rest are forks.
    private let dialogCount: Int
    /// The call's dialogs (both legs, every attempt), then the forks already answered and hung up
    /// (by B-leg Call-ID and To tag), in one list of their exact size: a few keys per call, so one
    /// allocation, not a hash table or two lists.
    private var keys: [DialogKey]

    init(_ session: CallSession, lingeringUntil: Duration) {
        self.lingeringUntil = lingeringUntil
        context = session.context
        secure = session.attempts.values.contains { SIPDialog.isSecure($0.invite) }
        dialogCount = session.dialogKeys.count
        keys = []
        keys.reserveCapacity(dialogCount + session.attempts.values.reduce(0) { $0 + $1.answers.count })
        keys.append(contentsOf: session.dialogKeys)
        for attempt in session.attempts.values {
            let callID = attempt.invite.headers.callID
            for toTag in attempt.answers.keys { keys.append(DialogKey(callID: callID, localTag: toTag)) }
        }
    }

    /// The call's dialogs (both legs, every attempt), routed here until the linger ends.
    var dialogKeys: ArraySlice<DialogKey> { keys[..<dialogCount] }

    /// A request in one of the ended dialogs.
    func receivedInDialog(_ request: SIPRequest, transaction: ServerTransaction) {
        transaction.respond(statusCode: request.method == .bye || request.method == .options ? 200 : 481)
    }

    /// A 2xx to one of the call's B-leg INVITEs (the router found this call by the response's Call-ID
    /// and From tag, which are the B-leg's own): ACK it, and hang up a fork not seen before.
    func receivedStrayAnswer(_ response: SIPResponse) {
        guard let toTag = response.headers.to.tag, var dialog = SIPDialog(uacForLateAnswer: response, secure: secure) else { return }
        context.sendACK(dialog.makeACK(inviteSequenceNumber: response.headers.cseq.sequenceNumber, via: context.makeVia()))
        let fork = DialogKey(callID: response.headers.callID, localTag: toTag)
        guard !keys[dialogCount...].contains(fork) else { return }
        keys.append(fork)
        context.sendBYE(in: &dialog)
    }
}
