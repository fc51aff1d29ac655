import Media
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A plain UDP socket on 127.0.0.1 that records every datagram it receives, in arrival order, with
/// the port it came from (RTCP tests read the bytes, RTP tests the packets); and sends raw datagrams.
final class UDPProbe: Sendable {
    /// One datagram as received.
    struct Datagram: Sendable {
        var sourcePort: Int
        var bytes: [UInt8]
    }

    /// One RTP packet as received.
    struct Arrival: Sendable {
        var sourcePort: Int
        var packet: RTPPacket
    }

    let channel: any Channel
    private let arrivals: NIOLockedValueBox<[Datagram]>

    private init(channel: any Channel, arrivals: NIOLockedValueBox<[Datagram]>) {
        self.channel = channel
        self.arrivals = arrivals
    }

    /// Binds a probe on 127.0.0.1 at `port` (0: a free port); with `sharing`, with `SO_REUSEPORT`, as
    /// a process would that lets others of its user bind the port too.
    static func bind(group: any EventLoopGroup, port: Int = 0, sharing: Bool = false) async throws -> UDPProbe {
        let arrivals = NIOLockedValueBox<[Datagram]>([])
        let channel = try await DatagramBootstrap(group: group)
            .channelOption(ChannelOptions.Types.SocketOption(level: .socket, name: NIOBSDSocket.Option(rawValue: SO_REUSEPORT)), value: sharing ? 1 : 0)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Recorder(arrivals: arrivals))
                }
            }
            .bind(host: "127.0.0.1", port: port).get()
        return UDPProbe(channel: channel, arrivals: arrivals)
    }

    var port: Int { channel.localAddress?.port ?? 0 }

    /// Every datagram received so far.
    var datagrams: [Datagram] { arrivals.withLockedValue { $0 } }

    /// The RTP packets received so far (datagrams that are not RTP left out).
    var received: [Arrival] {
        datagrams.compactMap { datagram in
            (try? RTPPacket(parsing: datagram.bytes)).map { Arrival(sourcePort: datagram.sourcePort, packet: $0) }
        }
    }

    /// The packets received from `port`.
    func packets(from port: Int) -> [RTPPacket] {
        received.filter { $0.sourcePort == port }.map(\.packet)
    }

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
        let arrivals: NIOLockedValueBox<[Datagram]>

        init(arrivals: NIOLockedValueBox<[Datagram]>) {
            self.arrivals = arrivals
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            let datagram = Datagram(sourcePort: envelope.remoteAddress.port ?? 0, bytes: Array(envelope.data.readableBytesView))
            arrivals.withLockedValue { $0.append(datagram) }
        }
    }
}

/// Polls `condition` every 10 ms until it holds or `seconds` have passed; returns whether it held.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return try await condition()
}

/// A range of `pairs` RTP port pairs on 127.0.0.1 whose every port was free a moment ago: the system
/// picks a free port, the range starts at the even port below it, and each port of the range is bound
/// once to check it (another range is tried when one is held). A test that needs a port held by
/// someone else binds it itself; a port taken in between by another test costs a bind retry.
func freePortRange(pairs: Int, group: any EventLoopGroup) async throws -> ClosedRange<Int> {
    for _ in 0..<20 {
        let probe = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let port = probe.localAddress?.port ?? 40_000
        try await probe.close().get()
        let first = min(port - port % 2, 65_534 - 2 * pairs)
        let range = first...(first + 2 * pairs - 1)
        var held: [any Channel] = []
        for candidate in range {
            guard let channel = try? await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: candidate).get() else { break }
            held.append(channel)
        }
        for channel in held { try? await channel.close().get() }
        if held.count == range.count { return range }
    }
    throw IOError(errnoCode: EADDRINUSE, reason: "no free range of \(pairs) port pairs found")
}
