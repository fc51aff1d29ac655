import ACD
import B2BUA
import Foundation
import Logging
import NIOCore
import SIPStack
import SIPTransaction
import SIPTransport
import YAMLConfiguration

/// One shard of the call path: an event loop with its own UDP socket (bound with `SO_REUSEPORT`
/// beside the other shards'), transaction layer and timer wheel, call router with its dialogs and
/// calls, and answered hold. Everything in it is confined to its loop; other shards and the engine
/// reach it only through `eventLoop.execute`. The calls a shard holds are those whose Call-ID
/// hashes to it (``CallPlacement``).
public final class Shard: @unchecked Sendable {
    /// The shard's position among the daemon's (shard 0 also owns the TCP/TLS listeners and the engine).
    public let index: Int
    /// The shard's loop.
    public let eventLoop: any EventLoop
    /// The shard's transport: its UDP socket, and the way to shard 0's streams.
    public let transport: SIPTransport
    /// The shard's transaction layer and timer wheel.
    public let stack: TransactionLayer
    /// The shard's call router.
    public let router: CallRouter
    /// Answered hold for the shard's calls, when the media edge runs.
    let hold: AnsweredHold?
    /// The engine instant the shard's clock (its wheel's time) counts from.
    let epoch: ACDInstant

    private init(index: Int, transport: SIPTransport, stack: TransactionLayer, router: CallRouter, hold: AnsweredHold?, epoch: ACDInstant) {
        self.index = index
        eventLoop = stack.eventLoop
        self.transport = transport
        self.stack = stack
        self.router = router
        self.hold = hold
        self.epoch = epoch
    }

    /// Builds shard `index` on its transport's loop (call there): its transaction layer, a router
    /// whose B-legs hash to it and whose distributor posts to `hub`, and answered hold on `media`.
    static func build(index: Int, transport: SIPTransport, configuration: SwitchboardConfiguration, router routerConfiguration: CallRouterConfiguration,
                      hub: DistributionHub, media: MediaEdge?, logger: Logger) -> Shard {
        transport.eventLoop.preconditionInEventLoop()
        let timers = TransactionTimers(t1: configuration.timers.t1, t2: configuration.timers.t2, t4: configuration.timers.t4)
        let stack = TransactionLayer(sender: transport, timers: timers, logger: logger,
                                     maximumServerTransactions: share(of: configuration.limits.maximumServerTransactions, among: configuration.limits.shards),
                                     retryAfterSeconds: configuration.limits.retryAfterSeconds)
        let epoch = ACDInstant(nanosecondsSinceEpoch: Int64(Date().timeIntervalSince1970 * 1_000_000_000))
        var routerConfiguration = routerConfiguration
        routerConfiguration.placement = CallPlacement(shardCount: configuration.limits.shards, shard: index)
        let router = CallRouter(stack: stack, configuration: routerConfiguration, distributor: ShardDistributor(hub: hub, index: index),
                                logger: logger) { record in
            logger.info("call record", metadata: record.metadata)
            hub.finished(record, at: ACDCallDistributor.date(epoch + record.endedAt))
        }
        if configuration.limits.overloadControl, let board = transport.backlogBoard { router.inboundBacklog = { board.fullest() } }
        let hold = media.map { edge in
            AnsweredHold(engine: edge.engine, wheel: stack.timerWheel, queues: configuration.holdMedia,
                         words: configuration.announcementWords, srtp: configuration.media.srtp,
                         logger: logger) { callID, queue, reply in
                hub.place(of: callID, in: queue, reply: reply)
            }
        }
        hold?.anchorsMedia = configuration.media.mode == .anchored
        router.holdMedia = hold
        router.callbackMedia = hold
        return Shard(index: index, transport: transport, stack: stack, router: router, hold: hold, epoch: epoch)
    }

    /// A shard's share of a daemon-wide cap, rounded up: the shards hold about equal shares of the calls.
    static func share(of cap: Int, among shards: Int) -> Int {
        (cap + shards - 1) / shards
    }
}
