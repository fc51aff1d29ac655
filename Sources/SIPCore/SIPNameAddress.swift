/// A `name-addr` or `addr-spec` with header parameters: the value of From, To, Contact, Route,
/// Record-Route, P-Asserted-Identity, Refer-To and Referred-By (RFC 3261 §20).
public struct SIPNameAddress: Hashable, Sendable, CustomStringConvertible {
    /// The display name without its quotes, when present.
    public var displayName: String?
    /// The address.
    public var uri: SIPURI
    /// Header parameters after the address (`;tag=...`, `;expires=...`), order kept.
    public var parameters: [SIPParameter]

    /// Creates an address.
    public init(displayName: String? = nil, uri: SIPURI, parameters: [SIPParameter] = []) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// The `tag` parameter (RFC 3261 §19.3), used on From and To.
    public var tag: String? {
        get { parameters[parameter: "tag"] ?? nil }
        set { parameters[parameter: "tag"] = newValue.map { .some($0) } }
    }

    /// The address in its wire form, always as a `name-addr` with angle brackets.
    public var description: String { String(writing: { $0.append(nameAddress: self) }) }
}
