private import CSockets
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import SIPCore

/// The SIP transport layer (RFC 3261 §18) on one event loop: UDP, TCP and TLS listeners, stream framing,
/// connection reuse and limits, the trunk-peer access list, server-side Via stamping and response routing.
///
/// Every mutable member is confined to `eventLoop`; the layers above run on the same loop, so the
/// message path takes no lock. Calls from other threads hop onto the loop.
public final class SIPTransport: MessageSender, @unchecked Sendable {
    /// The loop that owns this transport and everything above it.
    public let eventLoop: any EventLoop
    /// The configuration it was created with.
    public let configuration: SIPTransportConfiguration
    /// The transport's logger.
    public let logger: Logger

    /// Called on `eventLoop` for every well-formed message from an allowed peer.
    public var onMessage: ((SIPInboundMessage) -> Void)?
    /// Called on `eventLoop` when a UDP listener starts handing up a batch of reads, and
    /// `onReadBatchEnded` once it has handed up all of it: work that need not come before the batch's
    /// other messages may wait until then.
    public var onReadBatchBegan: (() -> Void)?
    /// Called on `eventLoop` once a batch of reads announced by `onReadBatchBegan` is handed up.
    public var onReadBatchEnded: (() -> Void)?
    /// Asked on `eventLoop` first for every message from an allowed peer, before it is parsed: `true`
    /// takes the message away (it belongs to another shard, which is handed a copy), `false` leaves it here.
    public var handover: ((UnsafeRawBufferPointer, SIPPeerAddress) -> Bool)?
    /// Asked on `eventLoop` for each new call's INVITE of a UDP read that holds several, from an
    /// allowed peer, before any of them is parsed: `true` when the layer above has written its
    /// `100 Trying` from the bytes. Those 100s are sent, then the INVITEs go up (to `handover` and
    /// the parse) in the order they were read.
    public var onNewCall: ((UnsafeRawBufferPointer, SIPPeerAddress) -> Bool)?
    /// The transport that owns the TCP/TLS listeners and connections when it is another shard's:
    /// what this one sends over a stream goes through it, on its loop. Set before `start()`.
    public var streamTransport: SIPTransport?

    /// Where the UDP backlog is posted after each batch of reads, for the overload guards of every
    /// shard (``InboundBacklogBoard``), and this transport's slot on it. Set before `start()`.
    public var backlogBoard: InboundBacklogBoard?
    /// This transport's slot on `backlogBoard` (its shard's index).
    public var backlogSlot = 0

    var datagramChannels: [any Channel] = []
    /// What is written to each UDP listener's socket until the next flush, one outbox per listener.
    private var datagramOutboxes: [DatagramOutbox] = []
    private var serverChannels: [any Channel] = []
    private var connections: [SIPPeerAddress: any Channel] = [:]
    private var pendingConnections: [SIPPeerAddress: [ByteBuffer]] = [:]
    private var boundListeners: [SIPListenerConfiguration] = []
    private var sslContext: NIOSSLContext?
    private var clientSSLContext: NIOSSLContext?
    private var datagramFlushScheduled = false
    private let connectionTracker: SIPConnectionTracker

    /// Creates a transport; nothing is bound until `start()`.
    public init(configuration: SIPTransportConfiguration, eventLoop: any EventLoop, logger: Logger) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
        self.connectionTracker = SIPConnectionTracker(eventLoop: eventLoop, trustedPeers: configuration.trustedPeers,
                                                      limits: configuration.connectionLimits, logger: logger)
    }

    /// The listeners with their bound ports (a configured port 0 shows the port the system picked).
    public var listeners: [SIPListenerConfiguration] {
        eventLoop.preconditionInEventLoop()
        return boundListeners
    }

    /// The number of open TCP/TLS connections.
    public var connectionCount: Int {
        eventLoop.preconditionInEventLoop()
        return connections.count
    }

    /// The TCP/TLS connection counters: accepted, opened, refused, closed on a timer, open now.
    public var connectionCounters: SIPConnectionCounters {
        eventLoop.preconditionInEventLoop()
        return connectionTracker.counters
    }

    /// Binds every configured listener.
    public func start() async throws {
        if configuration.listeners.contains(where: { $0.transport == .tls }) {
            guard let tls = configuration.tls else { throw SIPTransportError.missingTLSConfiguration }
            let certificates = try NIOSSLCertificate.fromPEMFile(tls.certificatePath)
            let key = try NIOSSLPrivateKey(file: tls.privateKeyPath, format: .pem)
            sslContext = try NIOSSLContext(configuration: .makeServerConfiguration(
                certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key)))
            var client = TLSConfiguration.makeClientConfiguration()
            client.certificateChain = certificates.map { .certificate($0) }
            client.privateKey = .privateKey(key)
            client.certificateVerification = tls.verifyPeers ? .fullVerification : .none
            clientSSLContext = try NIOSSLContext(configuration: client)
        }
        for listener in configuration.listeners {
            let (channel, socket) = try await bind(listener)
            let port = channel.localAddress?.port ?? listener.port
            try await eventLoop.submit {
                var bound = listener
                bound.port = port
                self.boundListeners.append(bound)
                if let socket, let family = channel.localAddress?.protocol {
                    self.datagramChannels.append(channel)
                    self.datagramOutboxes.append(DatagramOutbox(socket: socket, family: family))
                } else {
                    self.serverChannels.append(channel)
                }
            }.get()
            logger.info("listening", metadata: ["sip.transport": "\(listener.transport.rawValue)", "sip.address": "\(listener.host):\(port)"])
        }
    }

    /// Closes every listener and connection; what is written afterwards over UDP is dropped, as the
    /// outboxes forget their sockets before the sockets close.
    public func stop() async {
        let channels = try? await eventLoop.submit {
            self.flushDatagrams()
            self.datagramOutboxes = []
            return self.datagramChannels + self.serverChannels + Array(self.connections.values)
        }.get()
        for channel in channels ?? [] {
            try? await channel.close()
        }
    }

    /// The host and port to put in a Via sent-by for `transport` (the first listener of that transport).
    public func sentBy(for transport: SIPTransportProtocol) -> (host: String, port: Int)? {
        eventLoop.preconditionInEventLoop()
        guard let listener = boundListeners.first(where: { $0.transport == transport }) else { return nil }
        let host = listener.host.contains(":") ? "[\(listener.host)]" : listener.host
        return (host, listener.port)
    }

    /// Binds a listener: its channel, and for UDP the socket's descriptor too, which the transport
    /// sends from itself (``DatagramOutbox``) while NIO reads it.
    private func bind(_ listener: SIPListenerConfiguration) async throws -> (channel: any Channel, socket: CInt?) {
        let address = try SocketAddress(ipAddress: listener.host, port: listener.port)
        switch listener.transport {
        case .udp:
            let socket = try Self.boundDatagramSocket(at: address, reusesPort: configuration.reusesPort,
                                                      receiveBufferSize: configuration.udpReceiveBufferSize)
            // One `recvmmsg` of up to 32 datagrams per readable event: NIO's default of four reads
            // per event spent a second system call, which found nothing, on most events. What a
            // full read leaves is still there at the next `epoll_wait`, which NIO uses level-triggered.
            let channel = try await DatagramBootstrap(group: eventLoop)
                .channelOption(.maxMessagesPerRead, value: 1)
                .channelOption(.datagramVectorReadMessageCount, value: 32)
                .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: configuration.maximumMessageSize * 32))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let reader = DatagramSocketReader(socket: socket, maximumMessageSize: self.configuration.maximumMessageSize)
                        try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(transport: self, readAhead: reader.read))
                    }
                }
                .withBoundSocket(socket).get()
            return (channel, socket)
        case .tcp, .tls:
            let sslContext = listener.transport == .tls ? self.sslContext : nil
            let channel = try await ServerBootstrap(group: eventLoop, childGroup: eventLoop)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .serverChannelOption(.backlog, value: 1_024)
                .serverChannelOption(.maxMessagesPerRead, value: 16)
                .serverChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SIPConnectionAdmissionHandler(tracker: self.connectionTracker))
                    }
                }
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        if let sslContext {
                            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: sslContext))
                        }
                        try self.addStreamHandlers(to: channel, transportProtocol: listener.transport)
                    }
                }
                .bind(to: address).get()
            return (channel, nil)
        }
    }

    /// A non-blocking UDP socket bound to `address`, with `SO_REUSEADDR`, `SO_REUSEPORT` when
    /// `reusesPort` (Linux 3.9: sockets that all set it may bind the same address and port, and the
    /// kernel spreads the datagrams over them by the sender's address), and a receive buffer of
    /// `receiveBufferSize` bytes: the descriptor, for NIO to read.
    private static func boundDatagramSocket(at address: SocketAddress, reusesPort: Bool, receiveBufferSize: Int) throws -> CInt {
        let options = [SO_REUSEADDR, SO_REUSEPORT, SO_RCVBUF]
        let values: [CInt] = [1, reusesPort ? 1 : 0, CInt(clamping: receiveBufferSize)]
        var failedStep: UnsafePointer<CChar>?
        let descriptor = address.withSockAddr { socket_open_datagram($0, socklen_t($1), options, values, options.count, 0, &failedStep) }
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: failedStep.map { String(cString: $0) } ?? "socket") }
        return descriptor
    }

    /// The framing decoder, the connection's timers and the SIP handler of a stream connection, after
    /// TLS when there is TLS.
    private func addStreamHandlers(to channel: any Channel, transportProtocol: SIPTransportProtocol) throws {
        let decoder = SIPStreamDecoder(maximumMessageSize: configuration.maximumMessageSize)
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
        try channel.pipeline.syncOperations.addHandler(SIPConnectionTimeoutHandler(tracker: connectionTracker))
        try channel.pipeline.syncOperations.addHandler(SIPStreamHandler(transport: self, transportProtocol: transportProtocol))
    }

    func register(connection: any Channel, for peer: SIPPeerAddress) {
        connections[peer] = connection
        if let pending = pendingConnections.removeValue(forKey: peer) {
            for buffer in pending { connection.write(buffer, promise: nil) }
            connection.flush()
        }
    }

    func isConnectionOpen(to peer: SIPPeerAddress) -> Bool {
        connections[peer] != nil
    }

    func unregister(connection: any Channel, for peer: SIPPeerAddress) {
        if connections[peer] === connection { connections[peer] = nil }
    }

    /// Sends serialized bytes to a peer: over the matching UDP listener, or over an existing or new stream.
    public func send(_ bytes: [UInt8], to destination: SIPPeerAddress) {
        guard eventLoop.inEventLoop else {
            eventLoop.execute { self.send(bytes, to: destination) }
            return
        }
        switch destination.transport {
        case .udp:
            let family = destination.address.protocol
            guard let outbox = datagramOutboxes.firstIndex(where: { $0.family == family }) ?? datagramOutboxes.indices.first else {
                logger.warning("no UDP listener to send from", metadata: ["sip.peer": "\(destination)"])
                return
            }
            datagramOutboxes[outbox].append(bytes, to: destination.address)
            scheduleDatagramFlush()
        case .tcp, .tls:
            if let streamTransport {
                streamTransport.relay(bytes, to: destination)
                return
            }
            var buffer = ByteBufferAllocator().buffer(capacity: bytes.count)
            buffer.writeBytes(bytes)
            if let connection = connections[destination] {
                connection.writeAndFlush(buffer, promise: nil)
            } else if pendingConnections[destination] != nil {
                pendingConnections[destination]?.append(buffer)
            } else {
                pendingConnections[destination] = [buffer]
                connect(to: destination)
            }
        }
    }

    /// Sends what waits in the UDP outboxes now; the flush scheduled for the end of the batch finds less to send.
    public func flushNow() {
        eventLoop.preconditionInEventLoop()
        flushDatagrams()
    }

    /// Flushes the UDP outboxes once the loop has run what is queued: every datagram written while
    /// handling one batch of reads leaves in one `sendmmsg` instead of one system call each.
    private func scheduleDatagramFlush() {
        guard !datagramFlushScheduled else { return }
        datagramFlushScheduled = true
        eventLoop.execute {
            self.datagramFlushScheduled = false
            self.flushDatagrams()
        }
    }

    /// Sends every outbox's datagrams; a datagram the kernel refuses is dropped, as UDP may drop it
    /// anywhere on the way (the transaction layer's retransmissions recover it), and logged.
    private func flushDatagrams() {
        for index in datagramOutboxes.indices where !datagramOutboxes[index].isEmpty {
            let (refused, error) = datagramOutboxes[index].flush()
            if refused > 0 {
                logger.debug("UDP datagrams not sent", metadata: ["sip.dropped": "\(refused)", "sip.error": "\(IOError(errnoCode: error, reason: "sendmmsg"))"])
            }
        }
    }

    private func connect(to destination: SIPPeerAddress) {
        let sslContext = destination.transport == .tls ? clientSSLContext : nil
        ClientBootstrap(group: eventLoop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if case .refuse(let refusal) = self.connectionTracker.admit(channel, peer: destination.ipAddress, origin: .opened) {
                        throw SIPConnectionRefused(refusal: refusal)
                    }
                    if let sslContext {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: sslContext, serverHostname: nil))
                    }
                    try self.addStreamHandlers(to: channel, transportProtocol: destination.transport)
                }
            }
            .connect(to: destination.address)
            .whenFailure { error in
                self.eventLoop.assertInEventLoop()
                let dropped = self.pendingConnections.removeValue(forKey: destination)?.count ?? 0
                self.logger.warning("connect failed", metadata: ["sip.peer": "\(destination)", "sip.error": "\(error)", "sip.dropped": "\(dropped)"])
            }
    }
}

/// A connection switchboardd was about to open was refused by the connection caps.
struct SIPConnectionRefused: Error, CustomStringConvertible {
    /// Which cap.
    let refusal: SIPConnectionRefusal

    var description: String { "refused: \(refusal.rawValue) reached" }
}

/// Errors that stop the transport from starting.
public enum SIPTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A TLS listener is configured without a certificate and key.
    case missingTLSConfiguration

    /// A sentence naming the problem.
    public var description: String {
        switch self {
        case .missingTLSConfiguration: "a TLS listener needs a certificate and a private key"
        }
    }
}
