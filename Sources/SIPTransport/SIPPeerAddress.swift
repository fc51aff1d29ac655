import NIOCore
import SIPCore

/// A transport and socket address: where a message came from, or where one goes.
public struct SIPPeerAddress: Hashable, Sendable, CustomStringConvertible {
    /// The transport.
    public let transport: SIPTransportProtocol
    /// The IP address and port.
    public let address: SocketAddress
    /// The IP address as text, without brackets: formatted once, as the peer is made, since every
    /// message from a peer reads it (trusted peers, the Via's `received`) and a read peer is reused.
    public let ipAddress: String

    /// Creates a peer address.
    public init(transport: SIPTransportProtocol, address: SocketAddress) {
        self.transport = transport
        self.address = address
        ipAddress = address.ipAddress ?? ""
    }

    /// Creates a peer address from an IP literal and a port.
    public init(transport: SIPTransportProtocol, host: String, port: Int) throws {
        let literal = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.init(transport: transport, address: try SocketAddress(ipAddress: literal, port: port))
    }

    /// The port.
    public var port: Int { address.port ?? 0 }

    /// Whether this is the peer at `host` (an IP literal written as ``ipAddress`` writes it) and `port`
    /// over `transport`: a comparison of text, where making the peer anew would parse the literal.
    public func isAt(_ transport: SIPTransportProtocol, host: String, port: Int) -> Bool {
        self.transport == transport && self.port == port && ipAddress == host
    }

    /// `transport:ip:port` for logs.
    public var description: String { "\(transport.rawValue):\(ipAddress):\(port)" }

    /// Equal when transport and address are (the text follows from the address).
    public static func == (lhs: SIPPeerAddress, rhs: SIPPeerAddress) -> Bool {
        lhs.transport == rhs.transport && lhs.address == rhs.address
    }

    /// Hashes transport and address.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(transport)
        hasher.combine(address)
    }
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
