/// The timers a call runs on the loop's timer wheel, one of each at a time.
enum CallTimer: Hashable {
    /// RFC 3261 §13.3.1.1: repeat the ringback every minute while the caller is not answered.
    case ringback
    /// RFC 3261 §13.3.1.4: retransmit the caller's 2xx until the ACK arrives.
    case answerRetransmission
    /// Callback: the call back to the caller rang for the queue's callback ring timeout.
    case callbackRing
    /// The configured maximum call duration.
    case maximumDuration
    /// RFC 4028: send a refresh on this leg.
    case sessionRefresh(CallSession.Leg)
    /// RFC 4028: no refresh arrived on this leg in time.
    case sessionExpiry(CallSession.Leg)
}
