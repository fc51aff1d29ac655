import Logging
import NIOCore
import NIOPosix
@testable import SIPTransport
import Testing

@Suite("InboundBacklogBoard: every shard's overload guard reads the socket closest to full")
struct InboundBacklogBoardTests {
    @Test("Before any reading the backlog is empty")
    func empty() {
        #expect(InboundBacklogBoard(shards: 2).fullest() == InboundBacklog(queuedBytes: 0, capacityBytes: 0))
    }

    @Test("The fullest socket for its capacity wins, whichever shard reads; a new reading replaces the old")
    func fullestByShare() {
        let board = InboundBacklogBoard(shards: 3)
        board.record(InboundBacklog(queuedBytes: 2 << 20, capacityBytes: 16 << 20), shard: 0)
        board.record(InboundBacklog(queuedBytes: 3 << 20, capacityBytes: 8 << 20), shard: 1)
        board.record(InboundBacklog(queuedBytes: 0, capacityBytes: 16 << 20), shard: 2)
        #expect(board.fullest() == InboundBacklog(queuedBytes: 3 << 20, capacityBytes: 8 << 20))
        board.record(InboundBacklog(queuedBytes: 0, capacityBytes: 8 << 20), shard: 1)
        #expect(board.fullest() == InboundBacklog(queuedBytes: 2 << 20, capacityBytes: 16 << 20))
    }

    @Test("Bytes handed over to a shard count in its backlog until it has handled them")
    func handedOverBytesCountUntilHandled() {
        let board = InboundBacklogBoard(shards: 2)
        board.record(InboundBacklog(queuedBytes: 1 << 20, capacityBytes: 16 << 20), shard: 0)
        board.record(InboundBacklog(queuedBytes: 0, capacityBytes: 16 << 20), shard: 1)
        board.handedOver(3 << 20, to: 1)
        #expect(board.fullest() == InboundBacklog(queuedBytes: 3 << 20, capacityBytes: 16 << 20))
        board.caughtUp(2 << 20, on: 1)
        #expect(board.fullest() == InboundBacklog(queuedBytes: 1 << 20, capacityBytes: 16 << 20))
        board.caughtUp(1 << 20, on: 1)
        board.record(InboundBacklog(queuedBytes: 0, capacityBytes: 16 << 20), shard: 0)
        #expect(board.fullest().queuedBytes == 0)
    }

    @Test("A transport posts its socket's reading to its own slot after a batch of reads")
    func transportPostsAfterReads() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let board = InboundBacklogBoard(shards: 2)
        let transport = SIPTransport(configuration: SIPTransportConfiguration(listeners: [SIPListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0)]),
                                     eventLoop: group.next(), logger: Logger(label: "backlog-board") { _ in SwiftLogNoOpLogHandler() })
        transport.backlogBoard = board
        transport.backlogSlot = 1
        try await transport.start()
        let port = try await transport.eventLoop.submit { transport.listeners[0].port }.get()
        let client = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        var recorded = false
        for _ in 0..<200 where !recorded {
            let datagram = AddressedEnvelope(remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: port), data: ByteBuffer(string: "\r\n\r\n"))
            try await client.writeAndFlush(datagram).get()
            try await Task.sleep(for: .milliseconds(10))
            recorded = board.fullest().capacityBytes > 0
        }
        #expect(recorded)
        try await client.close()
        await transport.stop()
        try await group.shutdownGracefully()
    }
}
