/// What a client transaction asks its shell to do, in the order the shell must do it.
///
/// A timer that no longer applies is cancelled with `cancelTimer` only while the transaction goes on;
/// `terminated` means every pending timer of the transaction is cancelled with it.
public enum ClientTransactionAction: Hashable, Sendable {
    /// Pass the transaction's request to the transport: the first transmission and every retransmission.
    case sendRequest
    /// Build the ACK for the non-2xx final response just received (RFC 3261 §17.1.1.3) and pass it to the transport.
    /// Only the INVITE client transaction asks for this.
    case sendACK
    /// Pass the response just received to the TU.
    case deliverResponse
    /// Start the named timer to fire after the duration, replacing a pending timer of that name.
    case startTimer(TransactionTimer, Duration)
    /// Cancel the named timer.
    case cancelTimer(TransactionTimer)
    /// Tell the TU the transaction timed out (Timer B or F); the TU treats it as a 408 (§8.1.3.1).
    case timeout
    /// Tell the TU the transport failed to send (§17.1.4); the TU treats it as a 503 (§8.1.3.1).
    case transportError
    /// The transaction is Terminated: remove it from its table and cancel its pending timers.
    case terminated
}
