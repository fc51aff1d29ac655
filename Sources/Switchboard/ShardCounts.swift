import B2BUA
import NIOCore

/// One shard's live counts and counters, read on its loop; the daemon's are their sum.
struct ShardCounts: Sendable {
    var calls = 0
    var dialogs = 0
    var waitingCalls = 0
    var serverTransactions = 0
    var clientTransactions = 0
    var refusedForTransactionCapacity = 0
    var refusedNewCalls: [String: Int] = [:]
    var responsesSent: [Int: Int] = [:]
    var transactionTimeouts = 0
    var draining = false
    var overloaded = false
    var holdStreams: Int?

    /// The shard's counts now (on its loop).
    init(_ shard: Shard) {
        shard.eventLoop.preconditionInEventLoop()
        let live = shard.router.liveCounts
        calls = live.calls
        dialogs = live.dialogs
        waitingCalls = shard.router.waitingCount
        serverTransactions = shard.stack.serverTransactionCount
        clientTransactions = shard.stack.clientTransactionCount
        refusedForTransactionCapacity = shard.stack.refusedForCapacity
        refusedNewCalls = shard.stack.refusedNewCalls
        responsesSent = shard.stack.responsesSent
        transactionTimeouts = shard.stack.transactionTimeouts
        draining = shard.router.draining
        overloaded = shard.router.overload.isOverloaded
        holdStreams = shard.hold?.streamsInUse
    }

    private init() {}

    /// The sum over shards: counts and counters added, draining and overloaded when any shard is.
    static func sum(_ shards: [ShardCounts]) -> ShardCounts {
        var total = ShardCounts()
        for counts in shards {
            total.calls += counts.calls
            total.dialogs += counts.dialogs
            total.waitingCalls += counts.waitingCalls
            total.serverTransactions += counts.serverTransactions
            total.clientTransactions += counts.clientTransactions
            total.refusedForTransactionCapacity += counts.refusedForTransactionCapacity
            total.refusedNewCalls.merge(counts.refusedNewCalls, uniquingKeysWith: +)
            total.responsesSent.merge(counts.responsesSent, uniquingKeysWith: +)
            total.transactionTimeouts += counts.transactionTimeouts
            total.draining = total.draining || counts.draining
            total.overloaded = total.overloaded || counts.overloaded
            if let streams = counts.holdStreams { total.holdStreams = (total.holdStreams ?? 0) + streams }
        }
        return total
    }
}

extension SwitchboardCoordinator {
    /// Runs `body` on every shard's loop at once; the answers in shard order.
    func onEveryShard<Value: Sendable>(_ body: @escaping @Sendable (Shard) throws -> Value) async throws -> [Value] {
        let futures = shards.map { shard in shard.eventLoop.submit { try body(shard) } }
        return try await EventLoopFuture.whenAllSucceed(futures, on: hub.eventLoop).get()
    }

    /// Runs `body` on the loop of the shard that owns the call.
    func onShard<Value: Sendable>(owning callID: String, _ body: @escaping @Sendable (Shard) throws -> Value) async throws -> Value {
        let shard = shards[CallPlacement.shard(of: callID, among: shards.count)]
        return try await shard.eventLoop.submit { try body(shard) }.get()
    }

    /// The daemon's counts: every shard's, summed.
    func shardCounts() async throws -> ShardCounts {
        ShardCounts.sum(try await onEveryShard { ShardCounts($0) })
    }
}
