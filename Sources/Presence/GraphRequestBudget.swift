/// A token bucket that keeps the poller inside Graph's request limit for one app in one tenant.
///
/// Graph's presence limit is a number of requests in any sliding window (1,500 per 30 s). A bucket
/// with capacity `C` refilled at `r` per second admits at most `C + r × W` requests in any window `W`,
/// so the bucket is sized to `C + r × W = L` where `L` is the limit less a safety headroom:
///
///     L = floor(limit × (1 − headroom))        1,500 × 0.9 = 1,350
///     C = max(1, floor(L × burstFraction))     1,350 × 0.1 = 135
///     r = (L − C) / W                          (1,350 − 135) / 30 s = 40.5 per second
///
/// Pure: time comes in as `now`.
public struct GraphRequestBudget: Sendable, Hashable {
    /// The most requests the bucket admits in any window.
    public let admittedPerWindow: Int
    /// The bucket's capacity (the largest burst).
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    private var tokens: Double
    /// Rounding slack, so that a token promised by ``nextAvailable(now:)`` is there at that moment.
    private static let tolerance = 1e-6
    private var updatedAt: ContinuousClock.Instant

    /// Creates a full bucket for `limit` requests per `window`, keeping `headroom` (a fraction) unused.
    public init(
        limit: Int = 1500,
        window: Duration = .seconds(30),
        headroom: Double = 0.1,
        burstFraction: Double = 0.1,
        now: ContinuousClock.Instant
    ) {
        let admitted = Int((Double(limit) * (1 - headroom)).rounded(.down))
        precondition(admitted >= 2 && window > .zero, "a request budget needs room for two requests per window")
        let burst = min(max(1, (Double(admitted) * burstFraction).rounded(.down)), Double(admitted - 1))
        self.admittedPerWindow = admitted
        self.capacity = burst
        self.refillPerSecond = (Double(admitted) - burst) / window.inSeconds
        self.tokens = burst
        self.updatedAt = now
    }

    /// Takes one token if there is one at `now`; returns whether the request may be sent.
    public mutating func tryAcquire(now: ContinuousClock.Instant) -> Bool {
        refill(now: now)
        guard tokens >= 1 - Self.tolerance else { return false }
        tokens = max(0, tokens - 1)
        return true
    }

    /// The earliest moment at or after `now` when a token is available.
    public func nextAvailable(now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        var copy = self
        copy.refill(now: now)
        guard copy.tokens < 1 - Self.tolerance else { return now }
        let missing = 1 - copy.tokens
        return now + .seconds(missing / refillPerSecond)
    }

    private mutating func refill(now: ContinuousClock.Instant) {
        guard now > updatedAt else { return }
        tokens = min(capacity, tokens + (now - updatedAt).inSeconds * refillPerSecond)
        updatedAt = now
    }
}
