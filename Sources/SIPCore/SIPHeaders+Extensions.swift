/// Typed views of the extension headers a B2BUA reads and writes, computed from `fields`. A getter
/// reads every line of the header (comma lists may be split across lines); a setter replaces them all
/// with one line, or removes them for an empty or nil value.
extension SIPHeaders {
    /// Allow (RFC 3261 §20.5): the methods the sender supports.
    public var allow: [SIPMethod] {
        get { tokens("Allow").map(SIPMethod.init) }
        set { setList("Allow", newValue.map(\.token)) }
    }

    /// Supported (RFC 3261 §20.37): option tags such as `timer`, `replaces`, `100rel`.
    public var supported: [String] {
        get { tokens("Supported") }
        set { setList("Supported", newValue) }
    }

    /// Require (RFC 3261 §20.32): option tags the receiver must understand or answer with 420.
    public var require: [String] {
        get { tokens("Require") }
        set { setList("Require", newValue) }
    }

    /// Session-Expires (RFC 4028 §4), when present and readable.
    public var sessionExpires: SIPSessionExpires? {
        get { self["Session-Expires"].first.flatMap(SIPSessionExpires.init(parsing:)) }
        set { set("Session-Expires", newValue.map { [$0.description] } ?? []) }
    }

    /// Min-SE (RFC 4028 §5): the smallest session interval the sender accepts, in seconds.
    public var minSE: Int? {
        get { self["Min-SE"].first.flatMap { SIPHeaderValue($0).leadingNumber } }
        set { set("Min-SE", newValue.map { [String($0)] } ?? []) }
    }

    /// P-Asserted-Identity (RFC 3325 §9.1): the caller identities a trusted network asserts.
    public var pAssertedIdentity: [SIPNameAddress] {
        get { addresses("P-Asserted-Identity") }
        set { set("P-Asserted-Identity", newValue.isEmpty ? [] : [newValue.map(\.description).joined(separator: ", ")]) }
    }

    /// Refer-To (RFC 3515 §2.1): the target of a REFER.
    public var referTo: SIPNameAddress? {
        get { addresses("Refer-To").first }
        set { set("Refer-To", newValue.map { [$0.description] } ?? []) }
    }

    /// Referred-By (RFC 3892 §3): who asked for the transfer.
    public var referredBy: SIPNameAddress? {
        get { addresses("Referred-By").first }
        set { set("Referred-By", newValue.map { [$0.description] } ?? []) }
    }

    /// Reason (RFC 3326 §2): why the request was sent, one value per protocol.
    public var reason: [SIPReason] {
        get { self["Reason"].flatMap(SIPListSplitter.elements).compactMap(SIPReason.init(parsing:)) }
        set { set("Reason", newValue.isEmpty ? [] : [newValue.map(\.description).joined(separator: ", ")]) }
    }

    /// Retry-After (RFC 3261 §20.33): seconds before the request may be retried.
    public var retryAfter: Int? {
        get { self["Retry-After"].first.flatMap { SIPHeaderValue($0).leadingNumber } }
        set { set("Retry-After", newValue.map { [String($0)] } ?? []) }
    }

    private func tokens(_ name: String) -> [String] {
        self[name].flatMap(SIPListSplitter.elements)
    }

    private func addresses(_ name: String) -> [SIPNameAddress] {
        self[name].flatMap(SIPListSplitter.elements).compactMap { try? SIPNameAddress(parsing: $0) }
    }

    private mutating func setList(_ name: String, _ values: [String]) {
        set(name, values.isEmpty ? [] : [values.joined(separator: ", ")])
    }
}
