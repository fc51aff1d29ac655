import Synchronization

/// The daemon's calls and waiting callers over every shard, for the limits every shard's router
/// enforces (`maximumConcurrentCalls`, `maximumWaitingCalls`): atomic counters, no lock. Two shards
/// admitting at the same instant may both see room for one more call, so a limit can be passed by
/// at most one call per other shard.
public final class CallCensus: Sendable {
    private let calls = Atomic<Int>(0)
    private let waiting = Atomic<Int>(0)

    /// A census with no call.
    public init() {}

    /// The calls held now, on every shard.
    public var callCount: Int { calls.load(ordering: .relaxed) }

    /// The callers not yet answered now, on every shard.
    public var waitingCount: Int { waiting.load(ordering: .relaxed) }

    /// A call was admitted: it counts as held and waiting.
    func arrived() {
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
}
