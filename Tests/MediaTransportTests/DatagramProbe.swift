import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain UDP socket on 127.0.0.1 that records every datagram it receives as bytes, with the port
/// it came from: what RTCP tests read, RTCP not being RTP.
final class DatagramProbe: Sendable {
    struct Arrival: Sendable {
        var sourcePort: Int
        var bytes: [UInt8]
    }

    let channel: any Channel
    private let arrivals: NIOLockedValueBox<[Arrival]>

    private init(channel: any Channel, arrivals: NIOLockedValueBox<[Arrival]>) {
        self.channel = channel
        self.arrivals = arrivals
    }

    /// Binds a probe on a free port of 127.0.0.1.
    static func bind(group: any EventLoopGroup) async throws -> DatagramProbe {
        let arrivals = NIOLockedValueBox<[Arrival]>([])
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Recorder(arrivals: arrivals))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return DatagramProbe(channel: channel, arrivals: arrivals)
    }

    var port: Int { channel.localAddress?.port ?? 0 }

    /// Everything received so far.
    var received: [Arrival] { arrivals.withLockedValue { $0 } }

    /// Sends `bytes` to 127.0.0.1:`port`.
    func send(_ bytes: [UInt8], to port: Int) async throws {
        let remote = try SocketAddress(ipAddress: "127.0.0.1", port: port)
        try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: remote, data: ByteBuffer(bytes: bytes))).get()
    }

    func close() async {
        try? await channel.close().get()
    }

    private final class Recorder: ChannelInboundHandler, Sendable {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let arrivals: NIOLockedValueBox<[Arrival]>

        init(arrivals: NIOLockedValueBox<[Arrival]>) {
            self.arrivals = arrivals
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            let arrival = Arrival(sourcePort: envelope.remoteAddress.port ?? 0, bytes: Array(envelope.data.readableBytesView))
            arrivals.withLockedValue { $0.append(arrival) }
        }
    }
}
