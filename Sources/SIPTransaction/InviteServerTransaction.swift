/// The INVITE server transaction of RFC 3261 §17.2.1 (Figure 7), with the Accepted state of RFC 6026 §7.1.
///
/// A pure state machine: each event returns the actions for the shell to perform. It is created when the
/// INVITE arrives, in Proceeding; the shell passes that INVITE to the TU, and the TU sends `100 Trying`
/// through `sendResponse(statusCode: 100)` unless it answers within 200 ms. Timer G runs only over
/// unreliable transports; Timer I is zero over reliable ones, so Confirmed then ends at once. A 2xx is
/// never retransmitted here: the TU does that (§13.3.1.4) through `sendResponse`, and the ACKs reach the TU.
/// A transport error is reported to the TU and the state is kept (§17.2.4 as updated by RFC 6026 §8.8).
/// Events that do not apply to the current state return no actions.
///
/// ```
///               created with the INVITE
///                         |
///                         v
///                  +------------+
///                  | Proceeding |
///                  +------------+
///                   |          |
///  300-699 / send,  |          | 2xx / send, Timer L
///  Timer G, Timer H |          +--------------------+
///                   v                               v
///            +-----------+                    +----------+
///            | Completed |                    | Accepted |
///            +-----------+                    +----------+
///              |       |                           |
///        ACK / |       | Timer H /                 | Timer L
///      Timer I |       | timeout to TU             |
///              v       |                           |
///       +-----------+  |                           |
///       | Confirmed |  |                           |
///       +-----------+  |                           |
///             |        |                           |
///     Timer I |        |                           |
///             v        v                           v
///       +----------------------------------------------+
///       |                  Terminated                  |
///       +----------------------------------------------+
///
/// In-state events: Proceeding: INVITE / resend the latest 1xx; 1xx / send. Completed: INVITE / resend;
/// Timer G / resend, G = min(2G, T2). Confirmed: INVITE and ACK absorbed. Accepted: INVITE absorbed;
/// 2xx / send; ACK / to TU. Proceeding, Completed, Accepted: transport error / to TU.
/// ```
public struct InviteServerTransaction: Sendable {
    /// The states of RFC 3261 Figure 7 as amended by RFC 6026.
    public enum State: Hashable, Sendable {
        /// The INVITE is with the TU; provisional responses go out as the TU sends them.
        case proceeding
        /// A 300–699 final response is sent and, over unreliable transports, retransmitted until the ACK.
        case completed
        /// The ACK arrived; absorbing its retransmissions until Timer I.
        case confirmed
        /// A 2xx is sent (RFC 6026); INVITE retransmissions are absorbed and ACKs go to the TU until Timer L.
        case accepted
        /// Finished; the transaction must be destroyed.
        case terminated
    }

    /// The state with the data it needs: whether a provisional response was sent, the last Timer G interval.
    private enum Phase: Sendable {
        case proceeding(provisionalSent: Bool)
        case completed(timerG: Duration)
        case confirmed
        case accepted
        case terminated
    }

    private let reliable: Bool
    private let timers: TransactionTimers
    private var phase: Phase = .proceeding(provisionalSent: false)

    /// Creates the transaction for an INVITE just received, in Proceeding;
    /// `reliable` is true over TCP, TLS or SCTP and false over UDP.
    public init(reliable: Bool, timers: TransactionTimers = TransactionTimers()) {
        self.reliable = reliable
        self.timers = timers
    }

    /// The current state.
    public var state: State {
        switch phase {
        case .proceeding: .proceeding
        case .completed: .completed
        case .confirmed: .confirmed
        case .accepted: .accepted
        case .terminated: .terminated
        }
    }

    /// A retransmission of the INVITE arrived: resend the latest response where the RFC says so, else absorb it.
    public mutating func receivedRequest() -> [ServerTransactionAction] {
        switch phase {
        case .proceeding(provisionalSent: true), .completed:
            return [.retransmitResponse]
        case .proceeding(provisionalSent: false), .confirmed, .accepted, .terminated:
            return []
        }
    }

    /// An ACK matching this transaction arrived: it confirms a non-2xx final response, or goes to the TU in Accepted.
    public mutating func receivedACK() -> [ServerTransactionAction] {
        switch phase {
        case .completed:
            let timerI = timers.timerI(reliable: reliable)
            if timerI == .zero {
                phase = .terminated
                return [.terminated]
            }
            phase = .confirmed
            return [.cancelTimer(.timerG), .cancelTimer(.timerH), .startTimer(.timerI, timerI)]
        case .accepted:
            return [.deliverACK]
        case .proceeding, .confirmed, .terminated:
            return []
        }
    }

    /// The TU hands over a response with the given status code (100–699); one the state no longer takes is refused.
    public mutating func sendResponse(statusCode: Int) -> [ServerTransactionAction] {
        switch (phase, statusCode) {
        case (.proceeding, 100..<200):
            phase = .proceeding(provisionalSent: true)
            return [.sendResponse]
        case (.proceeding, 200..<300):
            phase = .accepted
            return [.sendResponse, .startTimer(.timerL, timers.timerL)]
        case (.proceeding, 300..<700):
            phase = .completed(timerG: timers.t1)
            let timerG: [ServerTransactionAction] = reliable ? [] : [.startTimer(.timerG, timers.t1)]
            return [.sendResponse] + timerG + [.startTimer(.timerH, timers.timerH)]
        case (.accepted, 200..<300):
            return [.sendResponse]
        default:
            return []
        }
    }

    /// A timer of this transaction fired; one that no longer applies is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [ServerTransactionAction] {
        switch (phase, timer) {
        case (.completed(let interval), .timerG) where !reliable:
            let next = min(interval * 2, timers.t2)
            phase = .completed(timerG: next)
            return [.retransmitResponse, .startTimer(.timerG, next)]
        case (.completed, .timerH):
            phase = .terminated
            return [.timeout, .terminated]
        case (.confirmed, .timerI), (.accepted, .timerL):
            phase = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// The transport failed to send a response: inform the TU and keep the state (RFC 6026 §8.8).
    public mutating func transportFailed() -> [ServerTransactionAction] {
        switch phase {
        case .proceeding, .completed, .accepted:
            return [.transportError]
        case .confirmed, .terminated:
            return []
        }
    }
}
