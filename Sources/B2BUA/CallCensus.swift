import Synchronization

/// The daemon's calls and waiting callers over every shard, for the limits every shard's router
/// enforces (`maximumConcurrentCalls`, `maximumWaitingCalls`): atomic counters, no lock. A new call
/// takes its place under `maximumConcurrentCalls` with one compare-and-swap (``reserve(under:)``)
/// before any state exists, and its waiting place under `maximumWaitingCalls` the same way
/// (``reserveWaiting(under:)``) once its queue is known, so two shards racing for the last place
/// cannot both win; a place that does not become a call is given back at once (``release()``,
/// ``releaseWaiting()``), and a call's when it ends or stops waiting.
public final class CallCensus: Sendable {
    private let calls = Atomic<Int>(0)
    private let waiting = Atomic<Int>(0)

    /// A census with no call.
    public init() {}

    /// The calls held now, on every shard, with the places reserved for INVITEs being admitted.
    public var callCount: Int { calls.load(ordering: .relaxed) }

    /// The callers not yet answered now, on every shard.
    public var waitingCount: Int { waiting.load(ordering: .relaxed) }

    /// Takes one place when fewer than `limit` are taken; `false` leaves the count as it was. One
    /// compare-and-swap per attempt: of two shards that both read the last free place, one wins the
    /// exchange and the other reads the new count and is refused.
    public func reserve(under limit: Int) -> Bool {
        Self.increment(calls, under: limit)
    }

    /// Gives back a place reserved for an INVITE that did not become a call (refused after the
    /// reservation: overload, draining, unknown number, full queue, unacceptable offer).
    public func release() {
        calls.subtract(1, ordering: .relaxed)
    }

    /// Takes one waiting place when fewer than `limit` callers wait; `false` leaves the count as it
    /// was. One compare-and-swap per attempt, as ``reserve(under:)``.
    public func reserveWaiting(under limit: Int) -> Bool {
        Self.increment(waiting, under: limit)
    }

    /// Gives back a waiting place reserved for an INVITE refused after its queue was found full or not
    /// (an offer or session timer refused, a loop).
    public func releaseWaiting() {
        waiting.subtract(1, ordering: .relaxed)
    }

    /// A call was admitted with its waiting place reserved: it counts as held unless its place was
    /// already reserved.
    func arrived(reserved: Bool) {
        if !reserved { calls.add(1, ordering: .relaxed) }
    }

    /// A call taken back at start-up (a restored callback) holds a place and waits, whatever the limits.
    func restored() {
        calls.add(1, ordering: .relaxed)
        waiting.add(1, ordering: .relaxed)
    }

    /// A caller stopped waiting (answered, or gone before).
    func stoppedWaiting() {
        waiting.subtract(1, ordering: .relaxed)
    }

    /// A call is no longer held.
    func ended() {
        calls.subtract(1, ordering: .relaxed)
    }

    /// Adds one to `counter` when it is below `limit`, with a compare-and-swap retried while another
    /// thread changes it first; false when it is at the limit.
    private static func increment(_ counter: borrowing Atomic<Int>, under limit: Int) -> Bool {
        var current = counter.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = counter.weakCompareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        return false
    }
}
