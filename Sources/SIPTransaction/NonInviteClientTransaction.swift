/// The non-INVITE client transaction of RFC 3261 §17.1.2.2 (Figure 6).
///
/// A pure state machine: each event returns the actions for the shell to perform. Timer E runs only over
/// unreliable transports, doubling from T1 up to T2 in Trying and firing every T2 in Proceeding; Timer K is
/// zero over reliable transports, so Completed then ends at once. Events that do not apply to the current
/// state return no actions.
///
/// ```
///                  start()
///                     |
///                     v
///               +-----------+  Timer F / timeout to TU,
///               |  Trying   |  transport error / to TU
///               |           |-------------------------------------+
///               +-----------+                                     |
///                |        |                                       |
///   200-699 /    |        | 1xx / to TU                           |
///   to TU,       |        v                                       |
///   Timer K      |  +------------+  Timer F / timeout to TU,      |
///                |  | Proceeding |  transport error / to TU       |
///                |  |            |------------------------------->|
///                |  +------------+                                |
///                |        | 200-699 / to TU, Timer K              |
///                v        v                                       |
///               +-----------+                                     |
///               | Completed |                                     |
///               +-----------+                                     |
///                     | Timer K                                   |
///                     v                                           v
///               +-------------------------------------------------+
///               |                   Terminated                    |
///               +-------------------------------------------------+
///
/// In-state events: Trying: Timer E / resend, E = min(2E, T2). Proceeding: Timer E / resend, E = T2;
/// 1xx / to TU. Completed: responses absorbed.
/// ```
public struct NonInviteClientTransaction: Sendable {
    /// The states of RFC 3261 Figure 6, and `initial` before `start()`.
    public enum State: Hashable, Sendable {
        /// Created; `start()` has not sent the request yet.
        case initial
        /// The request is sent and, over unreliable transports, retransmitted; no response yet.
        case trying
        /// A provisional response arrived; retransmissions go on every T2 until a final response.
        case proceeding
        /// A final response arrived; absorbing its retransmissions until Timer K.
        case completed
        /// Finished; the transaction must be destroyed.
        case terminated
    }

    /// The state with the data it needs: the interval Timer E was last started with in Trying.
    private enum Phase: Sendable {
        case initial
        case trying(timerE: Duration)
        case proceeding
        case completed
        case terminated
    }

    private let reliable: Bool
    private let timers: TransactionTimers
    private var phase: Phase = .initial

    /// Creates a transaction in `initial`; `reliable` is true over TCP, TLS or SCTP and false over UDP.
    public init(reliable: Bool, timers: TransactionTimers = TransactionTimers()) {
        self.reliable = reliable
        self.timers = timers
    }

    /// The current state.
    public var state: State {
        switch phase {
        case .initial: .initial
        case .trying: .trying
        case .proceeding: .proceeding
        case .completed: .completed
        case .terminated: .terminated
        }
    }

    /// The TU hands the request over: send it, start Timer E (unreliable transports) and Timer F; enter Trying.
    public mutating func start() -> [ClientTransactionAction] {
        guard case .initial = phase else { return [] }
        phase = .trying(timerE: timers.t1)
        let timerE: [ClientTransactionAction] = reliable ? [] : [.startTimer(.timerE, timers.t1)]
        return [.sendRequest] + timerE + [.startTimer(.timerF, timers.timerF)]
    }

    /// A response matching this transaction arrived with the given status code (100–699).
    public mutating func receivedResponse(statusCode: Int) -> [ClientTransactionAction] {
        switch (phase, statusCode) {
        case (.trying, 100..<200):
            phase = .proceeding
            return [.deliverResponse]
        case (.proceeding, 100..<200):
            return [.deliverResponse]
        case (.trying, 200..<700), (.proceeding, 200..<700):
            let timerK = timers.timerK(reliable: reliable)
            if timerK == .zero {
                phase = .terminated
                return [.deliverResponse, .terminated]
            }
            phase = .completed
            return [.cancelTimer(.timerE), .cancelTimer(.timerF), .deliverResponse, .startTimer(.timerK, timerK)]
        default:
            return []
        }
    }

    /// A timer of this transaction fired; one that no longer applies is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [ClientTransactionAction] {
        switch (phase, timer) {
        case (.trying(let interval), .timerE) where !reliable:
            let next = min(interval * 2, timers.t2)
            phase = .trying(timerE: next)
            return [.sendRequest, .startTimer(.timerE, next)]
        case (.proceeding, .timerE) where !reliable:
            return [.sendRequest, .startTimer(.timerE, timers.t2)]
        case (.trying, .timerF), (.proceeding, .timerF):
            phase = .terminated
            return [.timeout, .terminated]
        case (.completed, .timerK):
            phase = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// The transport failed to send the request: inform the TU and end (§17.1.4).
    public mutating func transportFailed() -> [ClientTransactionAction] {
        switch phase {
        case .trying, .proceeding:
            phase = .terminated
            return [.transportError, .terminated]
        case .initial, .completed, .terminated:
            return []
        }
    }
}
