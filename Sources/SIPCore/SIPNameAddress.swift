/// A `name-addr` or `addr-spec` with header parameters: the value of From, To, Contact, Route,
/// Record-Route, P-Asserted-Identity, Refer-To and Referred-By (RFC 3261 §20).
/// A value type whose copies share one box of values until one of them changes (``CopyOnWriteBox``):
/// addresses are copied from request to response, dialog and B-leg, and a copy of the fields
/// themselves would retain each of their strings and arrays.
public struct SIPNameAddress: Hashable, Sendable, CustomStringConvertible {
    private struct Values: Hashable, Sendable {
        var displayName: String?
        var uri: SIPURI
        var parameters: [SIPParameter]
    }

    private var box: CopyOnWriteBox<Values>

    /// The display name without its quotes, when present.
    public var displayName: String? {
        _read { yield box.values.displayName }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.displayName
        }
    }

    /// The address.
    public var uri: SIPURI {
        _read { yield box.values.uri }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.uri
        }
    }

    /// Header parameters after the address (`;tag=...`, `;expires=...`), order kept.
    public var parameters: [SIPParameter] {
        _read { yield box.values.parameters }
        _modify {
            CopyOnWriteBox.makeUnique(&box)
            yield &box.values.parameters
        }
    }

    /// Creates an address.
    public init(displayName: String? = nil, uri: SIPURI, parameters: [SIPParameter] = []) {
        box = CopyOnWriteBox(Values(displayName: displayName, uri: uri, parameters: parameters))
    }

    /// Whether both hold equal values (at once when they share their box).
    public static func == (left: SIPNameAddress, right: SIPNameAddress) -> Bool {
        CopyOnWriteBox.holdEqualValues(left.box, right.box)
    }

    /// Hashes the values.
    public func hash(into hasher: inout Hasher) {
        box.values.hash(into: &hasher)
    }

    /// The `tag` parameter (RFC 3261 §19.3), used on From and To.
    public var tag: String? {
        get { parameters[parameter: "tag"] ?? nil }
        set { parameters[parameter: "tag"] = newValue.map { .some($0) } }
    }

    /// The address in its wire form, always as a `name-addr` with angle brackets.
    public var description: String { String(writing: { $0.append(nameAddress: self) }) }
}
