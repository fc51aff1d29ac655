/// A SIP transport protocol (RFC 3261 §18): datagrams over UDP, streams over TCP or TLS.
public enum SIPTransportProtocol: String, Hashable, Sendable, CaseIterable {
    /// Unreliable datagrams; the transaction layer retransmits.
    case udp
    /// A reliable stream.
    case tcp
    /// A reliable stream inside TLS.
    case tls

    /// Whether the transport is reliable (no retransmission timers, RFC 3261 §17).
    public var isReliable: Bool { self != .udp }

    /// The Via transport token (`UDP`, `TCP`, `TLS`).
    public var viaToken: String { rawValue.uppercased() }

    /// The transport named by a Via transport token, case-insensitively.
    public init?(viaToken: String) {
        self.init(rawValue: viaToken.lowercased())
    }
}

/// One address switchboardd listens on.
public struct SIPListenerConfiguration: Hashable, Sendable {
    /// The transport of the listener.
    public var transport: SIPTransportProtocol
    /// The IP address to bind (IPv4 or IPv6 literal).
    public var host: String
    /// The port to bind; 0 picks a free port (tests).
    public var port: Int

    /// Creates a listener configuration.
    public init(transport: SIPTransportProtocol, host: String, port: Int) {
        self.transport = transport
        self.host = host
        self.port = port
    }
}

/// Certificate and key for TLS listeners and TLS connections that switchboardd opens.
public struct SIPTLSConfiguration: Hashable, Sendable {
    /// Path of the PEM certificate chain.
    public var certificatePath: String
    /// Path of the PEM private key.
    public var privateKeyPath: String
    /// Whether to verify the certificate of peers switchboardd connects to.
    public var verifyPeers: Bool

    /// Creates a TLS configuration.
    public init(certificatePath: String, privateKeyPath: String, verifyPeers: Bool = true) {
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.verifyPeers = verifyPeers
    }
}

/// What to do with a request from an address that is not a configured trunk peer. Either way a TCP
/// or TLS connection from such an address is closed as soon as it is accepted.
public enum SIPUnknownPeerPolicy: String, Hashable, Sendable, CaseIterable {
    /// Answer `403 Forbidden` when a response can be built.
    case reject
    /// Drop silently (does not reveal the daemon to scanners).
    case drop
}

/// The transport layer's configuration.
public struct SIPTransportConfiguration: Sendable, Equatable {
    /// The listening addresses.
    public var listeners: [SIPListenerConfiguration]
    /// TLS material, required when a listener uses TLS.
    public var tls: SIPTLSConfiguration?
    /// IP addresses allowed to send requests (the trunk peers); empty allows everyone.
    public var trustedPeers: Set<String>
    /// What to do with requests from other addresses.
    public var unknownPeerPolicy: SIPUnknownPeerPolicy
    /// The largest message accepted on any transport, in bytes.
    public var maximumMessageSize: Int
    /// SO_RCVBUF for UDP listeners, in bytes (bursts overflow the kernel default).
    public var udpReceiveBufferSize: Int
    /// Caps and timers of TCP and TLS connections.
    public var connectionLimits: SIPConnectionLimits
    /// Whether the UDP listeners set `SO_REUSEPORT`, so that each shard binds its own socket to the
    /// same address and port and the kernel spreads the peers over them.
    public var reusesPort = false

    /// Creates a transport configuration.
    public init(listeners: [SIPListenerConfiguration], tls: SIPTLSConfiguration? = nil, trustedPeers: Set<String> = [],
                unknownPeerPolicy: SIPUnknownPeerPolicy = .reject, maximumMessageSize: Int = 65_535,
                udpReceiveBufferSize: Int = 8 << 20, connectionLimits: SIPConnectionLimits = SIPConnectionLimits()) {
        self.listeners = listeners
        self.tls = tls
        self.trustedPeers = trustedPeers
        self.unknownPeerPolicy = unknownPeerPolicy
        self.maximumMessageSize = maximumMessageSize
        self.udpReceiveBufferSize = udpReceiveBufferSize
        self.connectionLimits = connectionLimits
    }
}
