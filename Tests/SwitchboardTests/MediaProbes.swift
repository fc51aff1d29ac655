import Media
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Keeps the first byte of each RTP payload a UDP socket receives: the tag of the prompt it came from.
final class FirstByteProbe: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let tags = NIOLockedValueBox<[UInt8]>([])

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let packet = try? RTPPacket(parsing: unwrapInboundIn(data).data.readableBytesView), let first = packet.payload.first else { return }
        tags.withLockedValue { $0.append(first) }
    }

    /// A probe on a UDP socket of its own on 127.0.0.1, and that socket.
    static func bind(_ group: any EventLoopGroup) async throws -> (FirstByteProbe, any Channel) {
        let probe = FirstByteProbe()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(probe) } }
            .bind(host: "127.0.0.1", port: 0).get()
        return (probe, channel)
    }
}

/// Polls `condition` every 10 ms for up to 10 s; whether it came to hold.
func poll(_ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}
