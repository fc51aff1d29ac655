import Logging
import NIOCore
import NIOPosix
import SIPCore
@testable import SIPTransport
import Synchronization
import Testing

/// A shard other than the first answers a request that came over shard 0's TCP connection: the
/// response goes back over that connection, or (RFC 3261 §18.2.2) to the Via's sent-by once the
/// connection is gone.
@Suite("Responses from another shard over shard 0's streams")
struct SIPStreamRelayTests {
    /// Keeps every byte a TCP peer received.
    final class Received: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        private let bytes = Mutex<[UInt8]>([])

        var text: String { String(decoding: bytes.withLock { $0 }, as: UTF8.self) }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            let read = buffer.readBytes(length: buffer.readableBytes) ?? []
            bytes.withLock { $0 += read }
        }
    }

    /// Shard 0 with a TCP listener hands every message to shard 1 (as `ShardTransports` does for
    /// the Call-IDs shard 1 owns); shard 1 keeps what it was handed.
    final class TwoShards: Sendable {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let primary: SIPTransport
        let shard: SIPTransport
        let handedOver = Mutex<[SIPInboundMessage]>([])

        init() async throws {
            let logger = Logger(label: "stream-relay") { _ in SwiftLogNoOpLogHandler() }
            let loops = Array(group.makeIterator())
            primary = SIPTransport(configuration: SIPTransportConfiguration(listeners: [SIPListenerConfiguration(transport: .tcp, host: "127.0.0.1", port: 0)]),
                                   eventLoop: loops[0], logger: logger)
            shard = SIPTransport(configuration: SIPTransportConfiguration(listeners: [SIPListenerConfiguration(transport: .udp, host: "127.0.0.1", port: 0)]),
                                 eventLoop: loops[1], logger: logger)
            shard.streamTransport = primary
            try await primary.start()
            try await shard.start()
            let primary = primary, shard = shard
            try await shard.eventLoop.submit { shard.onMessage = { inbound in self.handedOver.withLock { $0.append(inbound) } } }.get()
            try await primary.eventLoop.submit {
                primary.handover = { bytes, source in
                    let copy = Array(bytes)
                    shard.eventLoop.execute { shard.receive(handedOver: copy, from: source) }
                    return true
                }
            }.get()
        }

        var tcpPort: Int {
            get async throws { try await primary.eventLoop.submit { self.primary.listeners[0].port }.get() }
        }

        var openConnections: Int {
            get async throws { try await primary.eventLoop.submit { self.primary.connectionCount }.get() }
        }

        /// Shard 1 answers the request it was handed with `200`.
        func answer() async throws {
            let inbound = try #require(handedOver.withLock { $0.first })
            guard case .request(let request) = inbound.message else {
                Issue.record("shard 1 was handed a response")
                return
            }
            try await shard.eventLoop.submit {
                self.shard.sendResponse(SIPResponse(replyingTo: request, statusCode: 200), receivedFrom: inbound.source)
            }.get()
        }

        func stop() async throws {
            await shard.stop()
            await primary.stop()
            try await group.shutdownGracefully()
        }
    }

    static func options(viaPort: Int) -> String {
        "OPTIONS sip:switchboard@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:\(viaPort);branch=z9hG4bK-relay\r\n"
            + "From: <sip:sbc@127.0.0.1>;tag=1\r\nTo: <sip:switchboard@127.0.0.1>\r\nCall-ID: relay-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
    }

    static func poll(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<500 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test("The response goes back over the connection the request came on")
    func overTheOpenConnection() async throws {
        let shards = try await TwoShards()
        let port = try await shards.tcpPort
        let received = Received()
        let client = try await ClientBootstrap(group: shards.group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(received) } }
            .connect(host: "127.0.0.1", port: port).get()
        try await client.writeAndFlush(ByteBuffer(string: Self.options(viaPort: 5060))).get()
        #expect(try await Self.poll { shards.handedOver.withLock { !$0.isEmpty } })
        try await shards.answer()
        #expect(try await Self.poll { received.text.hasPrefix("SIP/2.0 200") })
        try await client.close()
        try await shards.stop()
    }

    @Test("Once the connection is gone, the response goes to the Via's sent-by over a new connection")
    func toTheSentByOnceTheConnectionIsGone() async throws {
        let shards = try await TwoShards()
        let received = Received()
        let sentBy = try await ServerBootstrap(group: shards.group)
            .childChannelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(received) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try await shards.tcpPort
        let sentByPort = try #require(sentBy.localAddress?.port)
        let client = try await ClientBootstrap(group: shards.group).connect(host: "127.0.0.1", port: port).get()
        try await client.writeAndFlush(ByteBuffer(string: Self.options(viaPort: sentByPort))).get()
        #expect(try await Self.poll { shards.handedOver.withLock { !$0.isEmpty } })
        try await client.close()
        #expect(try await Self.poll { try await shards.openConnections == 0 })
        try await shards.answer()
        #expect(try await Self.poll { received.text.hasPrefix("SIP/2.0 200") })
        try await sentBy.close()
        try await shards.stop()
    }
}
