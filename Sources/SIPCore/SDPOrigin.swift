/// The `o=` line (RFC 4566 §5.2): who created the session and which version of it this is.
public struct SDPOrigin: Hashable, Sendable {
    /// The user name, `-` when there is none.
    public var username: String
    /// The session id, a numeric string that can exceed 64 bits.
    public var sessionID: String
    /// The session version; a B2BUA increments it whenever it changes the description it sends.
    public var sessionVersion: UInt64
    /// The network type, `IN`.
    public var networkType: String
    /// The address type, `IP4` or `IP6`.
    public var addressType: String
    /// The address of the machine that created the session.
    public var unicastAddress: String

    /// Creates an origin.
    public init(username: String = "-", sessionID: String, sessionVersion: UInt64, networkType: String = "IN",
                addressType: String = "IP4", unicastAddress: String) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.unicastAddress = unicastAddress
    }
}
