import SIPCore

/// The `a=rtcp` attribute of a media description (RFC 3605 §2.1): the RTCP port, when it is not the
/// RTP port + 1, and optionally its own address: `a=rtcp:53020` or `a=rtcp:53020 IN IP4 192.0.2.4`.
public struct RTCPAttribute: Hashable, Sendable {
    /// The RTCP port.
    public var port: Int
    /// The RTCP address, when the attribute gives one.
    public var address: String?

    /// Creates the attribute.
    public init(port: Int, address: String? = nil) {
        self.port = port
        self.address = address
    }

    /// The first `a=rtcp` attribute of `media`; nil when it has none, or its port is not 1…65535 or
    /// its connection part is not `IN IP4|IP6 <address>` (RTCP then goes to the RTP port + 1).
    public init?(in media: MediaDescription) {
        guard let value = media.attributes.first(where: { $0.name.lowercased() == "rtcp" })?.value else { return nil }
        let fields = value.split(separator: " ", omittingEmptySubsequences: true)
        guard let port = fields.first.flatMap({ Int($0) }), (1...65_535).contains(port) else { return nil }
        switch fields.count {
        case 1:
            self.init(port: port)
        case 4 where fields[1] == "IN" && (fields[2] == "IP4" || fields[2] == "IP6"):
            self.init(port: port, address: String(fields[3]))
        default:
            return nil
        }
    }
}
