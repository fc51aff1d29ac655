import NIOCore

/// Reads SIP datagrams from a UDP listener and hands each to the transport.
///
/// Each datagram's sender arrives as a new `SocketAddress`, whose storage is a heap box, and every
/// transaction the datagram starts keeps it as its source for as long as it lingers (64·T1). A UDP
/// listener hears from a few peers (the SBC's addresses), so the handler keeps the last few it saw
/// and hands on the one it already holds when the sender is one of them: one box per peer, not one
/// per transaction.
final class SIPDatagramHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    /// How many recent senders are remembered.
    private static let recentPeerLimit = 4

    private unowned let transport: SIPTransport
    /// Recent senders; a new one takes the place of the oldest.
    private var recentPeers: [SIPPeerAddress] = []
    private var oldestPeer = 0

    init(transport: SIPTransport) {
        self.transport = transport
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let source = peer(at: envelope.remoteAddress)
        envelope.data.withUnsafeReadableBytes { bytes in
            transport.receive(bytes, from: source)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        transport.readBatchEnded()
        context.fireChannelReadComplete()
    }

    /// The sender as a peer address, the one already held when it is a recent sender.
    private func peer(at address: SocketAddress) -> SIPPeerAddress {
        if let known = recentPeers.first(where: { $0.address == address }) { return known }
        let peer = SIPPeerAddress(transport: .udp, address: address)
        if recentPeers.count < Self.recentPeerLimit {
            recentPeers.append(peer)
        } else {
            recentPeers[oldestPeer] = peer
            oldestPeer = (oldestPeer + 1) % Self.recentPeerLimit
        }
        return peer
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        transport.logger.debug("UDP read error", metadata: ["sip.error": "\(error)"])
    }
}
