/// A SIP request (RFC 3261 §7.1). A value type whose copies share one box of values until one of
/// them changes (``CopyOnWriteBox``).
public struct SIPRequest: Hashable, Sendable {
    private struct Values: Hashable, Sendable {
        var method: SIPMethod
        var requestURI: SIPURI
        var headers: SIPHeaders
        var body: [UInt8]
    }

    private var box: CopyOnWriteBox<Values>

    /// The method on the request line.
    public var method: SIPMethod {
        _read { yield box.values.method }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.method
        }
    }

    /// The Request-URI.
    public var requestURI: SIPURI {
        _read { yield box.values.requestURI }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.requestURI
        }
    }

    /// The header section.
    public var headers: SIPHeaders {
        _read { yield box.values.headers }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.headers
        }
    }

    /// The message body (Content-Length is computed from it when serializing).
    public var body: [UInt8] {
        _read { yield box.values.body }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.body
        }
    }

    /// Creates a request.
    public init(method: SIPMethod, requestURI: SIPURI, headers: SIPHeaders, body: [UInt8] = []) {
        box = CopyOnWriteBox(Values(method: method, requestURI: requestURI, headers: headers, body: body))
    }

    /// Whether both requests hold the same values.
    public static func == (left: SIPRequest, right: SIPRequest) -> Bool {
        CopyOnWriteBox.holdEqualValues(left.box, right.box)
    }

    /// Hashes the values.
    public func hash(into hasher: inout Hasher) {
        box.values.hash(into: &hasher)
    }

    /// Whether this is an INVITE outside any dialog, one that would start a call: its To header has
    /// no `tag` parameter (RFC 3261 §12.2: a request inside a dialog carries the remote tag there).
    public var isInitialInvite: Bool {
        method == .invite && headers.to.tag == nil
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

extension SIPRequest: CustomReflectable {
    /// The request's parts, as a plain struct shows them (in `dump` and test failures), not the box.
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: box.values).children, displayStyle: .struct)
    }
}
