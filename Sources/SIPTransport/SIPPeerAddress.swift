import NIOCore
import SIPCore

/// A transport and socket address: where a message came from, or where one goes.
public struct SIPPeerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The transport.
    public var transport: SIPTransportProtocol
    /// The IP address and port.
    public var address: SocketAddress

    /// Creates a peer address.
    public init(transport: SIPTransportProtocol, address: SocketAddress) {
        self.transport = transport
        self.address = address
    }

    /// Creates a peer address from an IP literal and a port.
    public init(transport: SIPTransportProtocol, host: String, port: Int) throws {
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(transport: transport, address: try SocketAddress(ipAddress: literal, port: port))
    }

    /// The IP address as text, without brackets.
    public var ipAddress: String { address.ipAddress ?? "" }

    /// The port.
    public var port: Int { address.port ?? 0 }

    /// `transport:ip:port` for logs.
    public var description: String { "\(transport.rawValue):\(ipAddress):\(port)" }
}

/// A message that arrived, with the transport facts the layers above need.
public struct SIPInboundMessage: Sendable {
    /// The parsed message. For requests, the top Via already carries `received`/`rport` (RFC 3261 §18.2.1).
    public var message: SIPMessage
    /// The peer it came from.
    public var source: SIPPeerAddress

    /// Creates an inbound message.
    public init(message: SIPMessage, source: SIPPeerAddress) {
        self.message = message
        self.source = source
    }
}
