/// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8).
///
/// A pure state machine: each event returns the actions for the shell to perform. It is created when the
/// request arrives, in Trying; the shell passes that request to the TU. Timer J is zero over reliable
/// transports, so Completed then ends at once. A transport error is reported to the TU and the state is kept
/// (§17.2.4 as updated by RFC 6026 §8.8). Events that do not apply to the current state return no actions.
///
/// ```
///              created with the request
///                         |
///                         v
///                   +-----------+
///                   |  Trying   |
///                   +-----------+
///                    |        |
///                    |        | 1xx / send
///   200-699 / send,  |        v
///   Timer J          |  +------------+
///                    |  | Proceeding |
///                    |  +------------+
///                    |        |
///                    |        | 200-699 / send, Timer J
///                    v        v
///                   +-----------+
///                   | Completed |
///                   +-----------+
///                         |
///                         | Timer J
///                         v
///                   +------------+
///                   | Terminated |
///                   +------------+
///
/// In-state events: Trying: request retransmission discarded. Proceeding: 1xx / send; request / resend the
/// latest 1xx. Completed: request / resend the final response; TU responses discarded.
/// Proceeding, Completed: transport error / to TU.
/// ```
public struct NonInviteServerTransaction: Sendable {
    /// The states of RFC 3261 Figure 8.
    public enum State: Hashable, Sendable {
        /// The request is with the TU; nothing sent yet.
        case trying
        /// A provisional response is sent; request retransmissions get it again.
        case proceeding
        /// A final response is sent; request retransmissions get it again until Timer J.
        case completed
        /// Finished; the transaction must be destroyed.
        case terminated
    }

    private let reliable: Bool
    private let timers: TransactionTimers

    /// The current state.
    public private(set) var state: State = .trying

    /// Creates the transaction for a request just received, in Trying;
    /// `reliable` is true over TCP, TLS or SCTP and false over UDP.
    public init(reliable: Bool, timers: TransactionTimers = TransactionTimers()) {
        self.reliable = reliable
        self.timers = timers
    }

    /// A retransmission of the request arrived: resend the latest response, or discard it in Trying.
    public mutating func receivedRequest() -> [ServerTransactionAction] {
        switch state {
        case .proceeding, .completed:
            return [.retransmitResponse]
        case .trying, .terminated:
            return []
        }
    }

    /// The TU hands over a response with the given status code (100–699); one the state no longer takes is refused.
    public mutating func sendResponse(statusCode: Int) -> [ServerTransactionAction] {
        switch (state, statusCode) {
        case (.trying, 100..<200), (.proceeding, 100..<200):
            state = .proceeding
            return [.sendResponse]
        case (.trying, 200..<700), (.proceeding, 200..<700):
            let timerJ = timers.timerJ(reliable: reliable)
            if timerJ == .zero {
                state = .terminated
                return [.sendResponse, .terminated]
            }
            state = .completed
            return [.sendResponse, .startTimer(.timerJ, timerJ)]
        default:
            return []
        }
    }

    /// A timer of this transaction fired; one that no longer applies is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [ServerTransactionAction] {
        guard state == .completed, timer == .timerJ else { return [] }
        state = .terminated
        return [.terminated]
    }

    /// The transport failed to send a response: inform the TU and keep the state (RFC 6026 §8.8).
    public mutating func transportFailed() -> [ServerTransactionAction] {
        switch state {
        case .proceeding, .completed:
            return [.transportError]
        case .trying, .terminated:
            return []
        }
    }
}
