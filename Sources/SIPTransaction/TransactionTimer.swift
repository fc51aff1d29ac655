/// The transaction timers of RFC 3261 §17 (Table 4) and RFC 6026 §8.4, named as the RFCs name them.
///
/// Timer C is absent: it belongs to proxies (§16.6), which Switchboard is not.
public enum TransactionTimer: Hashable, Sendable {
    /// Timer A: INVITE request retransmission, unreliable transports only (§17.1.1.2). Starts at T1, doubles.
    case timerA
    /// Timer B: INVITE client transaction timeout, 64*T1 (§17.1.1.2).
    case timerB
    /// Timer D: wait for response retransmissions in the INVITE client's Completed state (§17.1.1.2).
    case timerD
    /// Timer E: non-INVITE request retransmission, unreliable transports only (§17.1.2.2). Doubles up to T2.
    case timerE
    /// Timer F: non-INVITE client transaction timeout, 64*T1 (§17.1.2.2).
    case timerF
    /// Timer G: INVITE final response retransmission, unreliable transports only (§17.2.1). Doubles up to T2.
    case timerG
    /// Timer H: wait for the ACK to a non-2xx final response, 64*T1 (§17.2.1).
    case timerH
    /// Timer I: wait for ACK retransmissions in the INVITE server's Confirmed state (§17.2.1).
    case timerI
    /// Timer J: wait for request retransmissions in the non-INVITE server's Completed state (§17.2.2).
    case timerJ
    /// Timer K: wait for response retransmissions in the non-INVITE client's Completed state (§17.1.2.2).
    case timerK
    /// Timer L: wait for INVITE retransmissions and TU 2xx retransmissions in the server's Accepted state (RFC 6026).
    case timerL
    /// Timer M: wait for 2xx retransmissions and forked 2xx in the INVITE client's Accepted state (RFC 6026).
    case timerM
}
