/// When the next Graph request may go out after a failure: `Retry-After` when Graph sent one,
/// exponential back-off when it did not.
///
/// Graph's throttling applies to the app in the tenant, not to one batch, so one gate holds back
/// every batch. Back-off after `n` consecutive failures is `initial × multiplier^(n−1)`, capped at
/// `maximum`. A `Retry-After` is obeyed as sent, even above the cap. Pure: time comes in as `now`.
public struct GraphRetryGate: Sendable, Hashable {
    /// Back-off after the first failure without `Retry-After`.
    public var initialBackoff: Duration
    /// The longest back-off without `Retry-After`.
    public var maximumBackoff: Duration
    /// Growth factor per consecutive failure.
    public var multiplier: Int
    /// No request before this moment; `nil` when the gate is open.
    public private(set) var notBefore: ContinuousClock.Instant?
    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0

    /// Creates an open gate.
    public init(initialBackoff: Duration = .seconds(1), maximumBackoff: Duration = .seconds(60), multiplier: Int = 2) {
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.multiplier = multiplier
    }

    /// Whether a request may go out at `now`.
    public func isOpen(now: ContinuousClock.Instant) -> Bool {
        notBefore.map { now >= $0 } ?? true
    }

    /// The back-off that follows `failures` consecutive failures without `Retry-After`.
    public func backoff(afterFailures failures: Int) -> Duration {
        var delay = initialBackoff
        for _ in 1..<max(1, failures) {
            delay *= multiplier
            if delay >= maximumBackoff { return maximumBackoff }
        }
        return min(delay, maximumBackoff)
    }

    /// Records a success: the back-off starts over (a pending `Retry-After` still holds).
    public mutating func recordSuccess() {
        consecutiveFailures = 0
    }

    /// Records a failure at `now`; returns the moment before which no request may go out.
    @discardableResult
    public mutating func recordFailure(retryAfter: Duration?, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        consecutiveFailures += 1
        let until = now + (retryAfter ?? backoff(afterFailures: consecutiveFailures))
        notBefore = max(notBefore ?? until, until)
        return notBefore ?? until
    }
}
