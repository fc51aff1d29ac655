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
/// A value type whose copies share one box of values until one of them changes (``CopyOnWriteBox``).
public struct SIPHeaders: Hashable, Sendable {
    private struct Values: Hashable, Sendable {
        var via: [SIPVia]
        var from: SIPNameAddress
        var to: SIPNameAddress
        var callID: String
        var cseq: SIPCSeq
        var contact: [SIPNameAddress]
        var route: [SIPNameAddress]
        var recordRoute: [SIPNameAddress]
        var maxForwards: Int?
        var contentType: String?
        var fields: [SIPHeaderField]
    }

    private var box: CopyOnWriteBox<Values>

    /// Via values, topmost first.
    public var via: [SIPVia] {
        _read { yield box.values.via }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.via
        }
    }

    /// The From header.
    public var from: SIPNameAddress {
        _read { yield box.values.from }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.from
        }
    }

    /// The To header.
    public var to: SIPNameAddress {
        _read { yield box.values.to }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.to
        }
    }

    /// The Call-ID.
    public var callID: String {
        _read { yield box.values.callID }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.callID
        }
    }

    /// The CSeq.
    public var cseq: SIPCSeq {
        _read { yield box.values.cseq }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.cseq
        }
    }

    /// Contact values, in order (empty when absent; `*` is not modelled here).
    public var contact: [SIPNameAddress] {
        _read { yield box.values.contact }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.contact
        }
    }

    /// Route values, in order.
    public var route: [SIPNameAddress] {
        _read { yield box.values.route }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.route
        }
    }

    /// Record-Route values, in order.
    public var recordRoute: [SIPNameAddress] {
        _read { yield box.values.recordRoute }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.recordRoute
        }
    }

    /// Max-Forwards, when present.
    public var maxForwards: Int? {
        _read { yield box.values.maxForwards }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.maxForwards
        }
    }

    /// Content-Type, as received (for example `application/sdp`), when present.
    public var contentType: String? {
        _read { yield box.values.contentType }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.contentType
        }
    }

    /// Every other header, in received order, repeated values kept.
    public var fields: [SIPHeaderField] {
        _read { yield box.values.fields }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.fields
        }
    }

    /// Creates a header section.
    public init(via: [SIPVia], from: SIPNameAddress, to: SIPNameAddress, callID: String, cseq: SIPCSeq,
                contact: [SIPNameAddress] = [], route: [SIPNameAddress] = [], recordRoute: [SIPNameAddress] = [],
                maxForwards: Int? = nil, contentType: String? = nil, fields: [SIPHeaderField] = []) {
        box = CopyOnWriteBox(Values(via: via, from: from, to: to, callID: callID, cseq: cseq, contact: contact,
                                    route: route, recordRoute: recordRoute, maxForwards: maxForwards,
                                    contentType: contentType, fields: fields))
    }

    /// Whether both sections hold the same values.
    public static func == (left: SIPHeaders, right: SIPHeaders) -> Bool {
        CopyOnWriteBox.holdEqualValues(left.box, right.box)
    }

    /// Hashes the values.
    public func hash(into hasher: inout Hasher) {
        box.values.hash(into: &hasher)
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

extension SIPHeaders: CustomReflectable {
    /// The header fields, as a plain struct shows them (in `dump` and test failures), not the box.
    public var customMirror: Mirror {
        Mirror(self, children: Mirror(reflecting: box.values).children, displayStyle: .struct)
    }
}
