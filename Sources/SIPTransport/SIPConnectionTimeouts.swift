import NIOCore

/// Why a connection was closed on a timer.
enum SIPConnectionExpiry: String, Hashable, Sendable {
    /// No message and no keep-alive in either direction for the idle timeout.
    case idle
    /// A message started and did not finish in time (slow headers or a short body).
    case incompleteMessage
}

/// The two timers of a stream connection as a pure value: given when it last carried something and
/// when the message it is receiving started, which expiry is due and when to look again.
struct SIPConnectionTimeouts: Hashable, Sendable {
    /// How long a connection may carry nothing.
    var idle: TimeAmount
    /// How long a started message may take.
    var incompleteMessage: TimeAmount

    /// The expiry due at `now`; a message overdue wins over idleness.
    func expiry(now: NIODeadline, lastActivity: NIODeadline, messageStarted: NIODeadline?) -> SIPConnectionExpiry? {
        if let messageStarted, now >= messageStarted + incompleteMessage { return .incompleteMessage }
        if now >= lastActivity + idle { return .idle }
        return nil
    }

    /// The earliest time an expiry can be due.
    func nextDeadline(lastActivity: NIODeadline, messageStarted: NIODeadline?) -> NIODeadline {
        let idleDeadline = lastActivity + idle
        guard let messageStarted else { return idleDeadline }
        return min(idleDeadline, messageStarted + incompleteMessage)
    }
}
