/// A call as the router holds it now, both legs, for the control API. Times are the router's clock.
public struct CallSnapshot: Hashable, Sendable {
    /// Where the call stands.
    public enum State: String, Hashable, Sendable {
        /// Queued, no agent ringing.
        case waiting
        /// Queued, one or more agents ringing.
        case ringing
        /// An agent answered; the caller's ACK is awaited.
        case answering
        /// Caller and agent talk.
        case connected
        /// After an agent's blind transfer, the outside number rings.
        case transferring
        /// After an agent's blind transfer, the caller talks to the outside number.
        case transferred
        /// Over; the record is being written.
        case ended
    }

    /// A B-leg toward an agent (or a transfer target).
    public struct Leg: Hashable, Sendable {
        /// The agent; `nil` for a blind transfer's target.
        public var agentID: String?
        /// The number (or, for a transfer, the URI) called.
        public var target: String
        /// The B-leg Call-ID.
        public var sipCallID: String
    }

    /// The caller's call (the A-leg Call-ID).
    public var callID: CallID
    /// The queue the caller reached or was moved to.
    public var queue: String
    /// The caller's number.
    public var callerNumber: String
    /// Where the call stands.
    public var state: State
    /// The SBC address the caller's INVITE came from.
    public var callerSource: String
    /// When the caller's INVITE arrived.
    public var arrivedAt: Duration
    /// When an agent answered (the caller got 200 OK).
    public var answeredAt: Duration?
    /// The leg that carries the call once answered.
    public var connectedLeg: Leg?
    /// The legs ringing now.
    public var ringing: [Leg]
}
