import ACD
import B2BUA
import Foundation
import Logging
import NIOCore

/// The queue engine's side of the shards: the one ``ACDCallDistributor`` on its own loop (the
/// engine loop), reached from every shard by message passing (``ShardDistributor``), never called
/// synchronously from another shard. Each decision goes to the router of the shard that owns its
/// Call-ID (``CallPlacement``), through that router's `deliver`. Confined to the engine loop; the
/// shards it hands work to are reached only through their loops.
final class DistributionHub: DistributionDecisionSink, @unchecked Sendable {
    /// The engine behind the protocol, with its recorder and metrics.
    let distributor: ACDCallDistributor
    /// The engine's loop.
    let eventLoop: any EventLoop
    /// How Call-IDs map to shards.
    let shardCount: Int
    /// What the engine reaches of one shard: its loop, its router and its answered hold.
    struct Member: Sendable {
        let eventLoop: any EventLoop
        let router: CallRouter
        let hold: AnsweredHold?
    }

    /// The shards, in order, once built (set on the engine loop before any call arrives).
    var shards: [Member] = []

    init(distributor: ACDCallDistributor, eventLoop: any EventLoop, shardCount: Int) {
        self.distributor = distributor
        self.eventLoop = eventLoop
        self.shardCount = shardCount
    }

    /// The shard that owns a call.
    func shard(of callID: String) -> Member {
        shards[CallPlacement.shard(of: callID, among: shardCount)]
    }

    /// An event from shard `index`, on the engine loop: fed to the engine at the engine's own time
    /// (not the shard's), and its decisions delivered to their shards. A reconciliation reports only
    /// the shard's own calls, so the engine keeps every call of the other shards.
    func handle(_ event: DistributionEvent, from index: Int) {
        eventLoop.preconditionInEventLoop()
        var event = event
        if case .reconcile(let liveCalls) = event {
            event = .reconcile(liveCalls: Self.scoped(liveCalls, of: index, among: shardCount, held: distributor.engine.heldCallIDs))
        }
        deliver(distributor.handle(event, now: distributor.wheel.now))
    }

    /// The live calls a reconciliation of shard `index` stands for: the shard's report, and every
    /// call the engine holds that another shard owns (that shard reports those).
    static func scoped(_ reported: Set<String>, of index: Int, among count: Int, held: some Sequence<ACD.CallID>) -> Set<String> {
        var live = reported
        for callID in held where CallPlacement.shard(of: callID.rawValue, among: count) != index { live.insert(callID.rawValue) }
        return live
    }

    /// Sends each decision to the shard that owns its call, in order: on the engine loop's own shard
    /// at once (the router runs it after what it is doing), to the others through their loops.
    func deliver(_ decisions: [DistributionDecision]) {
        guard !decisions.isEmpty else { return }
        guard shardCount > 1 else { return hand(decisions, to: 0) }
        var batches = Array(repeating: [DistributionDecision](), count: shardCount)
        for decision in decisions { batches[CallPlacement.shard(of: decision.callID, among: shardCount)].append(decision) }
        for (index, batch) in batches.enumerated() where !batch.isEmpty { hand(batch, to: index) }
    }

    /// Runs `batch` on shard `index`'s router: at once on the engine loop's own shard, else through its loop.
    private func hand(_ batch: [DistributionDecision], to index: Int) {
        let router = shards[index].router
        if shards[index].eventLoop.inEventLoop {
            router.deliver(batch)
        } else {
            shards[index].eventLoop.execute { router.deliver(batch) }
        }
    }

    /// A caller's place in `queue` for answered hold, read on the engine loop and answered on the
    /// loop of the caller's shard.
    func place(of callID: String, in queue: String, reply: @escaping @Sendable ((place: Int, estimate: Duration?)?) -> Void) {
        eventLoop.execute {
            let place = self.distributor.place(of: callID, in: queue)
            self.shard(of: callID).eventLoop.execute { reply(place) }
        }
    }

    /// The engine moved a caller to another queue: answered hold on the caller's shard hears of it.
    func moved(_ callID: String, to queue: String) {
        guard !shards.isEmpty, let hold = shard(of: callID).hold else { return }
        shard(of: callID).eventLoop.execute { hold.moved(callID, to: queue) }
    }
}

extension DistributionDecision {
    /// The call the decision is about.
    var callID: String {
        switch self {
        case .offer(let callID, _, _), .cancelOffer(let callID, _), .redirect(let callID, _), .release(let callID, _, _),
             .callBack(let callID, _), .callbackFailed(let callID, _): callID
        }
    }
}

/// One shard's way to the queue engine: posts each event to the engine loop and returns no decision
/// at once; the decisions come back through the router's `deliver`. Events from one shard reach
/// the engine in the order they were posted (a loop runs what it is given in order), so a caller's
/// arrival always precedes the shard's later reconciliation.
final class ShardDistributor: CallDistributor, @unchecked Sendable {
    private let hub: DistributionHub
    private let index: Int

    init(hub: DistributionHub, index: Int) {
        self.hub = hub
        self.index = index
    }

    func handle(_ event: DistributionEvent, now: Duration) -> [DistributionDecision] {
        let hub = hub, index = index
        hub.eventLoop.execute { hub.handle(event, from: index) }
        return []
    }
}

extension DistributionHub {
    /// A shard's finished call, ended at `date`: into the call store and the call series, on the engine loop.
    func finished(_ record: CallRecord, at date: Date) {
        eventLoop.execute {
            self.distributor.recorder?.finished(record, at: date)
            self.distributor.metrics?.finished(record)
        }
    }
}
