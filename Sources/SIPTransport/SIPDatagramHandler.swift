import NIOCore

/// Reads SIP datagrams from a UDP listener and hands each to the transport.
final class SIPDatagramHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private unowned let transport: SIPTransport

    init(transport: SIPTransport) {
        self.transport = transport
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let source = SIPPeerAddress(transport: .udp, address: envelope.remoteAddress)
        envelope.data.withUnsafeReadableBytes { bytes in
            transport.receive(bytes, from: source)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        transport.logger.debug("UDP read error", metadata: ["sip.error": "\(error)"])
    }
}
