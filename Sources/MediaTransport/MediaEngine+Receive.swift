import Media
import NIOCore

extension MediaEngine {
    /// One datagram received on a stream's socket, unprotected first on an SRTP stream (dropped when its
    /// tag fails or it is replayed): relayed when the stream is bridged (anchored media); telephone-events
    /// go through the stream's DTMF receiver (each digit reported once); every RTP packet is counted.
    func receive(_ datagram: ByteBuffer, slot: Int) {
        guard let stream = streams[slot] else { return }
        var datagram = datagram
        if let srtp = stream.srtp, !unprotect(&datagram, with: srtp.inbound) {
            stream.counters.unauthenticatedReceived += 1
            totals.unauthenticatedReceived += 1
            return
        }
        guard let packet = try? RTPPacket(parsing: datagram.readableBytesView) else {
            stream.counters.malformedReceived += 1
            totals.malformedReceived += 1
            return
        }
        stream.counters.packetsReceived += 1
        stream.counters.bytesReceived += datagram.readableBytes
        totals.packetsReceived += 1
        totals.bytesReceived += datagram.readableBytes
        if let peer = stream.bridge?.peer { relay(packet, from: stream, to: peer) }
        guard let digit = stream.receiver?.receive(header: packet.header, payload: packet.payload) else { return }
        stream.counters.digitsReceived += 1
        totals.digitsReceived += 1
        digitHandler(stream.id, digit)
    }
}

/// Hands the datagrams of one of a stream's sockets to the engine: its RTP socket's, or its RTCP
/// socket's (RFC 3550 §11: RTCP on its own port).
final class StreamReceiveHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    /// Which of the stream's sockets the handler reads.
    enum Socket { case rtp, rtcp }

    private weak var engine: MediaEngine?
    private let slot: Int
    private let socket: Socket

    init(engine: MediaEngine, slot: Int, socket: Socket) {
        self.engine = engine
        self.slot = slot
        self.socket = socket
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch socket {
        case .rtp: engine?.receive(unwrapInboundIn(data).data, slot: slot)
        case .rtcp: engine?.receiveControl(unwrapInboundIn(data).data, slot: slot)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        engine?.logger.debug(socket == .rtp ? "RTP socket error" : "RTCP socket error", metadata: ["media.error": "\(error)"])
    }
}
