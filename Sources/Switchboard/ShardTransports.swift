import B2BUA
import Logging
import NIOCore
import SIPTransport
import YAMLConfiguration

/// The shards' sockets and how a message reaches the shard that owns its call.
enum ShardTransports {
    /// Binds shard 0's transport with every configured listener, then one transport per other shard
    /// with a UDP socket on each UDP listener's address and port (`SO_REUSEPORT`, as shard 0's),
    /// whose TCP/TLS sends go through shard 0's transport (the one connection table, on its loop).
    /// With overload control on, every transport posts its UDP backlog to one ``InboundBacklogBoard``
    /// for the overload guards; with it off, no backlog is read (a `getsockopt` per batch of reads saved).
    static func bind(_ configuration: SwitchboardConfiguration, on loops: [any EventLoop], logger: Logger) async throws -> [SIPTransport] {
        var settings = configuration.transport
        settings.reusesPort = loops.count > 1
        let board = configuration.limits.overloadControl ? InboundBacklogBoard(shards: loops.count) : nil
        let primary = SIPTransport(configuration: settings, eventLoop: loops[0], logger: logger)
        primary.backlogBoard = board
        try await primary.start()
        var transports = [primary]
        do {
            settings.listeners = try await loops[0].submit { primary.listeners.filter { $0.transport == .udp } }.get()
            for (index, loop) in loops.enumerated().dropFirst() {
                let transport = SIPTransport(configuration: settings, eventLoop: loop, logger: logger)
                transport.backlogBoard = board
                transport.backlogSlot = index
                transport.streamTransport = primary
                transports.append(transport)
                try await transport.start()
            }
        } catch {
            for transport in transports { await transport.stop() }
            throw error
        }
        return transports
    }

    /// Points each shard's transport at the shards: a message whose Call-ID (a byte scan before the
    /// parse) belongs to another shard is handed to that shard's transport to be parsed there, its
    /// bytes counted on the backlog board until they are handled; one the scan missed is handed over
    /// after the parse, to that shard's transaction layer. A new call's INVITE is answered
    /// `100 Trying` before its parse by the shard that read it when that shard owns it (the owner
    /// keeps the transaction); one handed over is answered after its parse.
    static func connect(_ shards: [Shard]) async throws {
        for shard in shards {
            try await shard.eventLoop.submit {
                let stack = shard.stack
                shard.transport.onReadBatchBegan = { stack.readBatchBegan() }
                shard.transport.onReadBatchEnded = { stack.readBatchEnded() }
                guard shards.count > 1 else {
                    shard.transport.onNewCall = { stack.answerNewCallEarly($0, from: $1) }
                    shard.transport.onMessage = { stack.receive($0) }
                    return
                }
                let placement = CallPlacement(shardCount: shards.count, shard: shard.index)
                shard.transport.onNewCall = { bytes, source in
                    placement.shard(ofMessage: bytes) == shard.index && stack.answerNewCallEarly(bytes, from: source)
                }
                let board = shard.transport.backlogBoard
                shard.transport.handover = { bytes, source in
                    guard let owner = placement.shard(ofMessage: bytes), owner != shard.index else { return false }
                    let copy = Array(bytes), target = shards[owner]
                    board?.handedOver(copy.count, to: owner)
                    target.eventLoop.execute {
                        target.transport.receive(handedOver: copy, from: source)
                        board?.caughtUp(copy.count, on: owner)
                    }
                    return true
                }
                shard.transport.onMessage = { inbound in
                    let owner = placement.shard(of: inbound.message.headers.callID)
                    guard owner != shard.index else { return stack.receive(inbound) }
                    let target = shards[owner]
                    target.eventLoop.execute { target.stack.receive(inbound) }
                }
            }.get()
        }
    }
}
