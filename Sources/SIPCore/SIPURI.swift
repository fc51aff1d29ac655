/// A SIP or SIPS URI (RFC 3261 §19.1), or a tel URI carried where a SIP URI may stand.
public struct SIPURI: Hashable, Sendable, CustomStringConvertible {
    /// `sip`, `sips` or `tel`, lowercase.
    public var scheme: String
    /// The user part, percent-encoded (nil when absent). Parsed URIs carry it encoded where RFC 3261 §25.1
    /// requires and decoded elsewhere, since libosip2 decodes it: `sip:%75ser@host` reads as `user`.
    public var user: String?
    /// The password part (deprecated by RFC 3261 but still parsed).
    public var password: String?
    /// The host: a domain name, an IPv4 address, or an IPv6 reference with its brackets; for a tel URI
    /// the number, and for any other scheme everything after the colon.
    public var host: String
    /// The port, when present.
    public var port: Int?
    /// URI parameters (`;transport=tcp`, `;lr`, `;user=phone`), order kept.
    public var parameters: [SIPParameter]
    /// URI headers (`?Replaces=...`), order kept.
    public var headers: [SIPParameter]

    /// Creates a URI from its parts.
    public init(scheme: String = "sip", user: String? = nil, password: String? = nil, host: String, port: Int? = nil,
                parameters: [SIPParameter] = [], headers: [SIPParameter] = []) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
    }

    /// The URI in its wire form.
    public var description: String { String(writing: { $0.append(uri: self) }) }
}
