import NIOCore

/// Sits on a TCP or TLS listener, ahead of NIO's accept handler: each accepted connection is put to
/// the tracker before anything else happens to it. A refused one is closed at once, before a TLS
/// handshake, before a single byte is read, and never reaches the SIP pipeline.
final class SIPConnectionAdmissionHandler: ChannelInboundHandler {
    typealias InboundIn = any Channel
    typealias InboundOut = any Channel

    private let tracker: SIPConnectionTracker

    init(tracker: SIPConnectionTracker) {
        self.tracker = tracker
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let connection = unwrapInboundIn(data)
        let peer = connection.remoteAddress?.ipAddress ?? ""
        switch tracker.admit(connection, peer: peer, origin: .accepted) {
        case .admit:
            context.fireChannelRead(data)
        case .refuse:
            connection.close(promise: nil)
        }
    }
}
