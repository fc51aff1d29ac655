import NIOCore

/// Frames SIP messages on one TCP or TLS connection (RFC 3261 §18.3) and hands each to the transport;
/// registers the connection for reuse while it is open and answers RFC 5626 keep-alive pings.
final class SIPStreamHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private unowned let transport: SIPTransport
    private let transportProtocol: SIPTransportProtocol
    private var framer: SIPStreamFramer
    private var peer: SIPPeerAddress?

    init(transport: SIPTransport, transportProtocol: SIPTransportProtocol) {
        self.transport = transport
        self.transportProtocol = transportProtocol
        self.framer = SIPStreamFramer(maximumMessageSize: transport.configuration.maximumMessageSize)
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
        let buffer = unwrapInboundIn(data)
        framer.append(buffer.readableBytesView)
        do {
            while let frame = try framer.nextFrame() {
                switch frame {
                case .keepAlivePing:
                    context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "\r\n")), promise: nil)
                case .message(let bytes):
                    bytes.withUnsafeBytes { transport.receive($0, from: peer) }
                }
            }
        } catch {
            transport.logger.notice("closing stream: \(error)", metadata: ["sip.peer": "\(peer)"])
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        transport.logger.debug("stream error", metadata: ["sip.error": "\(error)", "sip.peer": "\(peer.map { "\($0)" } ?? "-")"])
        context.close(promise: nil)
    }
}
