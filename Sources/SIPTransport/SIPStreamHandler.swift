import NIOCore

/// Hands each framed SIP message of one TCP or TLS connection to the transport, registers the
/// connection for reuse while it is open, and answers RFC 5626 keep-alive pings. Sits behind a
/// `ByteToMessageHandler(SIPStreamDecoder)`.
final class SIPStreamHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = SIPStreamFramer.Frame
    typealias OutboundOut = ByteBuffer

    private unowned let transport: SIPTransport
    private let transportProtocol: SIPTransportProtocol
    private var peer: SIPPeerAddress?

    init(transport: SIPTransport, transportProtocol: SIPTransportProtocol) {
        self.transport = transport
        self.transportProtocol = transportProtocol
    }

    func channelActive(context: ChannelHandlerContext) {
        if let remote = context.channel.remoteAddress {
            let peer = SIPPeerAddress(transport: transportProtocol, address: remote)
            self.peer = peer
            transport.register(connection: context.channel, for: peer)
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let peer { transport.unregister(connection: context.channel, for: peer) }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let peer else { return }
        switch unwrapInboundIn(data) {
        case .keepAlivePing:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "\r\n")), promise: nil)
        case .message(let bytes):
            bytes.withUnsafeBytes { transport.receive($0, from: peer) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let peerText = peer.map { "\($0)" } ?? "-"
        if error is SIPStreamFramer.Error {
            transport.logger.notice("closing stream: \(error)", metadata: ["sip.peer": "\(peerText)"])
        } else {
            transport.logger.debug("stream error", metadata: ["sip.error": "\(error)", "sip.peer": "\(peerText)"])
        }
        context.close(promise: nil)
    }
}
