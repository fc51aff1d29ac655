/// The INVITE client transaction of RFC 3261 §17.1.1.2 (Figure 5), with the Accepted state of RFC 6026 §7.2.
///
/// A pure state machine: each event returns the actions for the shell to perform. Timer A runs only over
/// unreliable transports; Timer D is zero over reliable ones, so Completed then ends at once. A 2xx is never
/// acknowledged here: the TU sends that ACK (§13.2.2.4), and every 2xx, retransmitted or from another fork,
/// is passed to it while Timer M runs. Events that do not apply to the current state return no actions.
///
/// ```
///                   start()
///                      |
///                      v
///                +-----------+  Timer B / timeout to TU,
///                |  Calling  |  transport error / to TU
///                |           |------------------------------------+
///                +-----------+                                    |
///                 |    |    |                                     |
///    300-699 /    |    |    | 2xx / to TU, Timer M                |
///    ACK, to TU,  |    |    +------------------------+            |
///    Timer D      |    | 1xx / to TU                 |            |
///                 |    v                             v            |
///                 | +------------+ 2xx / to TU, +----------+      |
///                 | | Proceeding |------------->| Accepted |      |
///                 | +------------+   Timer M    +----------+      |
///                 |    |                             |            |
///                 |    | 300-699 / ACK, to TU,       |            |
///                 v    v Timer D                     |            |
///                +-----------+                       |            |
///                | Completed |                       | Timer M    |
///                +-----------+                       |            |
///                      | Timer D,                    |            |
///                      | transport error / to TU     |            |
///                      v                             v            v
///                +------------------------------------------------+
///                |                   Terminated                   |
///                +------------------------------------------------+
///
/// In-state events: Calling: Timer A / resend, A doubled. Proceeding: 1xx / to TU.
/// Completed: 300-699 / ACK again. Accepted: 2xx / to TU.
/// ```
public struct InviteClientTransaction: Sendable {
    /// The states of RFC 3261 Figure 5 as amended by RFC 6026, and `initial` before `start()`.
    public enum State: Hashable, Sendable {
        /// Created; `start()` has not sent the INVITE yet.
        case initial
        /// The INVITE is sent and, over unreliable transports, retransmitted; no response yet.
        case calling
        /// A provisional response arrived; no more retransmissions, no timeout (the TU cancels).
        case proceeding
        /// A 300–699 final response arrived and was acknowledged; absorbing its retransmissions.
        case completed
        /// A 2xx arrived (RFC 6026); further 2xx responses go to the TU until Timer M.
        case accepted
        /// Finished; the transaction must be destroyed.
        case terminated
    }

    /// The state with the data it needs: the interval Timer A was last started with.
    private enum Phase: Sendable {
        case initial
        case calling(timerA: Duration)
        case proceeding
        case completed
        case accepted
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
        case .calling: .calling
        case .proceeding: .proceeding
        case .completed: .completed
        case .accepted: .accepted
        case .terminated: .terminated
        }
    }

    /// The TU hands the INVITE over: send it, start Timer A (unreliable transports) and Timer B; enter Calling.
    public mutating func start() -> [ClientTransactionAction] {
        guard case .initial = phase else { return [] }
        phase = .calling(timerA: timers.t1)
        let timerA: [ClientTransactionAction] = reliable ? [] : [.startTimer(.timerA, timers.t1)]
        return [.sendRequest] + timerA + [.startTimer(.timerB, timers.timerB)]
    }

    /// A response matching this transaction arrived with the given status code (100–699).
    public mutating func receivedResponse(statusCode: Int) -> [ClientTransactionAction] {
        switch (phase, statusCode) {
        case (.calling, 100..<200):
            let cancelled = cancelCallingTimers()
            phase = .proceeding
            return cancelled + [.deliverResponse]
        case (.proceeding, 100..<200), (.accepted, 200..<300):
            return [.deliverResponse]
        case (.calling, 200..<300), (.proceeding, 200..<300):
            let cancelled = cancelCallingTimers()
            phase = .accepted
            return cancelled + [.deliverResponse, .startTimer(.timerM, timers.timerM)]
        case (.calling, 300..<700), (.proceeding, 300..<700):
            let timerD = timers.timerD(reliable: reliable)
            if timerD == .zero {
                phase = .terminated
                return [.sendACK, .deliverResponse, .terminated]
            }
            let cancelled = cancelCallingTimers()
            phase = .completed
            return cancelled + [.sendACK, .deliverResponse, .startTimer(.timerD, timerD)]
        case (.completed, 300..<700):
            return [.sendACK]
        default:
            return []
        }
    }

    /// A timer of this transaction fired; one that no longer applies is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [ClientTransactionAction] {
        switch (phase, timer) {
        case (.calling(let interval), .timerA) where !reliable:
            let next = interval * 2
            phase = .calling(timerA: next)
            return [.sendRequest, .startTimer(.timerA, next)]
        case (.calling, .timerB):
            phase = .terminated
            return [.timeout, .terminated]
        case (.completed, .timerD), (.accepted, .timerM):
            phase = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// The transport failed to send the INVITE (Calling) or the ACK (Completed): inform the TU and end (§17.1.4).
    public mutating func transportFailed() -> [ClientTransactionAction] {
        switch phase {
        case .calling, .completed:
            phase = .terminated
            return [.transportError, .terminated]
        case .initial, .proceeding, .accepted, .terminated:
            return []
        }
    }

    /// The cancellations for leaving Calling while the transaction goes on.
    private func cancelCallingTimers() -> [ClientTransactionAction] {
        guard case .calling = phase else { return [] }
        return reliable ? [.cancelTimer(.timerB)] : [.cancelTimer(.timerA), .cancelTimer(.timerB)]
    }
}
