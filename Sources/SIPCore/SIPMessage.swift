/// A SIP request (RFC 3261 §7.1).
public struct SIPRequest: Hashable, Sendable {
    /// The method on the request line.
    public var method: SIPMethod
    /// The Request-URI.
    public var requestURI: SIPURI
    /// The header section.
    public var headers: SIPHeaders
    /// The message body (Content-Length is computed from it when serializing).
    public var body: [UInt8]

    /// Creates a request.
    public init(method: SIPMethod, requestURI: SIPURI, headers: SIPHeaders, body: [UInt8] = []) {
        self.method = method
        self.requestURI = requestURI
        self.headers = headers
        self.body = body
    }
}

/// A SIP response (RFC 3261 §7.2).
public struct SIPResponse: Hashable, Sendable {
    /// The status code, 100–699.
    public var statusCode: Int
    /// The reason phrase.
    public var reasonPhrase: String
    /// The header section.
    public var headers: SIPHeaders
    /// The message body.
    public var body: [UInt8]

    /// Creates a response.
    public init(statusCode: Int, reasonPhrase: String, headers: SIPHeaders, body: [UInt8] = []) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
        self.headers = headers
        self.body = body
    }
}

/// A SIP message: a request or a response.
public enum SIPMessage: Hashable, Sendable {
    /// A request.
    case request(SIPRequest)
    /// A response.
    case response(SIPResponse)

    /// The header section of either kind.
    public var headers: SIPHeaders {
        switch self {
        case .request(let request): request.headers
        case .response(let response): response.headers
        }
    }
}
