/// A `c=` line (RFC 4566 §5.7): where media is sent.
public struct SDPConnection: Hashable, Sendable {
    /// The network type, `IN`.
    public var networkType: String
    /// The address type, `IP4` or `IP6`.
    public var addressType: String
    /// The connection address, with `/ttl` and `/count` for multicast kept as written.
    public var address: String

    /// Creates a connection.
    public init(networkType: String = "IN", addressType: String = "IP4", address: String) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }
}
