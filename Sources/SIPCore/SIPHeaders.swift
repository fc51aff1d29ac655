/// One header field that SIPCore does not model with its own type: name and value unfolded.
/// Two fields are equal when their names match ignoring ASCII case (RFC 3261 §7.3.1) and their values match.
public struct SIPHeaderField: Hashable, Sendable {
    /// The header name (compare case-insensitively). Parsed names are spelled canonically: compact
    /// forms expanded, well-known names in their usual case, other names capitalised word by word
    /// (libosip2 lowercases every name it reads).
    public var name: String
    /// The value with line folding removed; one element per comma-separated value is not implied.
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether both fields have the same name, ignoring ASCII case, and the same value.
    public static func == (left: SIPHeaderField, right: SIPHeaderField) -> Bool {
        left.value == right.value && left.name.equalsIgnoringASCIICase(right.name)
    }

    /// Hashes the name without its ASCII case, and the value.
    public func hash(into hasher: inout Hasher) {
        for byte in name.utf8 { hasher.combine(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        hasher.combine(value)
    }
}

/// The header section of a SIP message: the headers every message must carry (RFC 3261 §8.1.1),
/// the routing headers, and every other header in received order with repeated values kept.
public struct SIPHeaders: Hashable, Sendable {
    /// Via values, topmost first.
    public var via: [SIPVia]
    /// The From header.
    public var from: SIPNameAddress
    /// The To header.
    public var to: SIPNameAddress
    /// The Call-ID.
    public var callID: String
    /// The CSeq.
    public var cseq: SIPCSeq
    /// Contact values, in order (empty when absent; `*` is not modelled here).
    public var contact: [SIPNameAddress]
    /// Route values, in order.
    public var route: [SIPNameAddress]
    /// Record-Route values, in order.
    public var recordRoute: [SIPNameAddress]
    /// Max-Forwards, when present.
    public var maxForwards: Int?
    /// Content-Type, as received (for example `application/sdp`), when present.
    public var contentType: String?
    /// Every other header, in received order, repeated values kept.
    public var fields: [SIPHeaderField]

    /// Creates a header section.
    public init(via: [SIPVia], from: SIPNameAddress, to: SIPNameAddress, callID: String, cseq: SIPCSeq,
                contact: [SIPNameAddress] = [], route: [SIPNameAddress] = [], recordRoute: [SIPNameAddress] = [],
                maxForwards: Int? = nil, contentType: String? = nil, fields: [SIPHeaderField] = []) {
        self.via = via
        self.from = from
        self.to = to
        self.callID = callID
        self.cseq = cseq
        self.contact = contact
        self.route = route
        self.recordRoute = recordRoute
        self.maxForwards = maxForwards
        self.contentType = contentType
        self.fields = fields
    }

    /// The values of every field in `fields` named `name` (case-insensitive), in order.
    public subscript(name: String) -> [String] {
        fields.compactMap { $0.name.equalsIgnoringASCIICase(name) ? $0.value : nil }
    }

    /// Replaces every field named `name` with one field per value (appended at the end), or removes them.
    public mutating func set(_ name: String, _ values: [String]) {
        fields.removeAll { $0.name.equalsIgnoringASCIICase(name) }
        fields.append(contentsOf: values.map { SIPHeaderField(name: name, value: $0) })
    }

    /// Appends one field, keeping those already present.
    public mutating func add(_ name: String, _ value: String) {
        fields.append(SIPHeaderField(name: name, value: value))
    }
}
