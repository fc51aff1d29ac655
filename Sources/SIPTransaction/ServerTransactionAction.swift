/// What a server transaction asks its shell to do, in the order the shell must do it.
///
/// A timer that no longer applies is cancelled with `cancelTimer` only while the transaction goes on;
/// `terminated` means every pending timer of the transaction is cancelled with it.
public enum ServerTransactionAction: Hashable, Sendable {
    /// Pass the response the TU just handed over (`sendResponse(statusCode:)`) to the transport;
    /// it becomes the latest response of the transaction.
    case sendResponse
    /// Pass the latest response to the transport once more.
    case retransmitResponse
    /// Pass the ACK just received to the TU (RFC 6026 Accepted state). Only the INVITE server transaction asks for this.
    case deliverACK
    /// Start the named timer to fire after the duration, replacing a pending timer of that name.
    case startTimer(TransactionTimer, Duration)
    /// Cancel the named timer.
    case cancelTimer(TransactionTimer)
    /// Tell the TU no ACK came for the non-2xx final response (Timer H, §17.2.1).
    case timeout
    /// Tell the TU the transport failed to send a response (§17.2.4 as updated by RFC 6026 §8.8).
    case transportError
    /// The transaction is Terminated: remove it from its table and cancel its pending timers.
    case terminated
}
