/// One Via header value (RFC 3261 §20.42, RFC 3581 `rport`).
public struct SIPVia: Hashable, Sendable, CustomStringConvertible {
    /// The protocol and version, normally `SIP/2.0`.
    public var protocolVersion: String
    /// The transport token, uppercase: `UDP`, `TCP`, `TLS`, `SCTP`, `WS`, `WSS`.
    public var transport: String
    /// The sent-by host (an IPv6 reference keeps its brackets).
    public var host: String
    /// The sent-by port, when present.
    public var port: Int?
    /// Via parameters, order kept.
    public var parameters: [SIPParameter]

    /// Creates a Via value.
    public init(protocolVersion: String = "SIP/2.0", transport: String, host: String, port: Int? = nil,
                parameters: [SIPParameter] = []) {
        self.protocolVersion = protocolVersion
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// The `branch` parameter; RFC 3261 branches start with the magic cookie `z9hG4bK`.
    public var branch: String? {
        get { parameters[parameter: "branch"] ?? nil }
        set { parameters[parameter: "branch"] = newValue.map { .some($0) } }
    }

    /// The `received` parameter a server adds when the sent-by host differs from the packet source.
    public var received: String? {
        get { parameters[parameter: "received"] ?? nil }
        set { parameters[parameter: "received"] = newValue.map { .some($0) } }
    }

    /// The `rport` parameter: `.some(nil)` when the client asked for it, `.some(port)` once filled in.
    public var rport: String?? {
        get { parameters[parameter: "rport"] }
        set { parameters[parameter: "rport"] = newValue }
    }

    /// The Via value in its wire form.
    public var description: String { String(writing: { $0.append(via: self) }) }
}
