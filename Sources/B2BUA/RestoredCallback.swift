/// A callback entry the call router takes back after a restart (from the store): a call whose caller
/// left after asking to be called back, held with no caller's leg until an agent answers its offer.
public struct RestoredCallback: Hashable, Sendable {
    /// The caller's A-leg Call-ID.
    public var callID: CallID
    /// The queue the entry waits in.
    public var queue: String
    /// The number to call back.
    public var callerNumber: String
    /// The number the caller dialled: the call back's From.
    public var dialedNumber: String
    /// Where the caller's INVITE came from (`udp:192.0.2.10:5060`); the trunk when it cannot be read.
    public var trunk: String
    /// The calls back that went unanswered before the restart.
    public var attempts: Int
    /// How long each call back rings (the queue's `callback.ringTimeoutSeconds`).
    public var ringTimeout: Duration

    /// Creates an entry.
    public init(callID: CallID, queue: String, callerNumber: String, dialedNumber: String, trunk: String, attempts: Int,
                ringTimeout: Duration) {
        self.callID = callID
        self.queue = queue
        self.callerNumber = callerNumber
        self.dialedNumber = dialedNumber
        self.trunk = trunk
        self.attempts = attempts
        self.ringTimeout = ringTimeout
    }
}
