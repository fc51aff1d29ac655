/// The session timer negotiated for one dialog (RFC 4028 §10) and the instants that follow from its
/// last refresh. Pure: `now` is a `Duration` since any epoch the caller picks; the shell schedules
/// its timers at `refreshAt` and `expiresAt`.
///
///     lastRefresh ──interval / 2──────────────────────► refreshAt   (we are refresher: send a refresh)
///     lastRefresh ──interval − min(32 s, interval / 3)──► expiresAt   (no refresh by then: send BYE)
///
/// A successful refresh either way (2xx to our refresh, or the peer's refresh we accepted) calls
/// `refreshed(now:)`, or replaces the state when it renegotiated the interval.
public struct SessionTimerState: Hashable, Sendable {
    /// Which side sends the refreshes.
    public enum Refresher: Hashable, Sendable {
        /// We refresh (re-INVITE or UPDATE) at half the interval.
        case local
        /// The peer refreshes; we tear the session down when it does not.
        case remote
    }

    /// The session interval in seconds.
    public let interval: Int
    /// Which side refreshes.
    public let refresher: Refresher
    /// When the session was last refreshed (or negotiated).
    public private(set) var lastRefresh: Duration

    /// Creates a negotiated timer whose last refresh was at `lastRefresh`.
    public init(interval: Int, refresher: Refresher, lastRefresh: Duration) {
        self.interval = interval
        self.refresher = refresher
        self.lastRefresh = lastRefresh
    }

    /// When we must send a refresh: half the interval after the last refresh; nil when the peer refreshes.
    public var refreshAt: Duration? {
        refresher == .local ? lastRefresh + .seconds(interval) / 2 : nil
    }

    /// When the session expires without a refresh (§10): the interval minus the smaller of 32 s and a
    /// third of it, after the last refresh. The peer's refresh is due by then; as refresher it is
    /// the instant to give up on a refresh that never got its 2xx. Either way: send BYE.
    public var expiresAt: Duration {
        let interval = Duration.seconds(interval)
        return lastRefresh + interval - min(.seconds(32), interval / 3)
    }

    /// Records a successful refresh at `now`.
    public mutating func refreshed(now: Duration) {
        lastRefresh = now
    }
}
