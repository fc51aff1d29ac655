/// One value of the Reason header (RFC 3326): why a request was sent, as a protocol cause,
/// `Q.850;cause=16;text="Normal call clearing"` or `SIP;cause=200;text="Call completed elsewhere"`.
public struct SIPReason: Hashable, Sendable, CustomStringConvertible {
    /// The protocol, `SIP`, `Q.850` or another token.
    public var `protocol`: String
    /// The cause code, when present and numeric.
    public var cause: Int?
    /// The explanatory text, without its quotes.
    public var text: String?

    /// Creates a value.
    public init(protocol: String, cause: Int? = nil, text: String? = nil) {
        self.protocol = `protocol`
        self.cause = cause
        self.text = text
    }

    /// Reads one Reason value; nil when it has no protocol.
    init?(parsing text: String) {
        let value = SIPHeaderValue(text)
        guard !value.main.isEmpty else { return nil }
        self.protocol = value.main
        cause = (value.parameters[parameter: "cause"] ?? nil).flatMap { SIPDecimal.value($0.utf8, below: 1 << 31) }
        self.text = (value.parameters[parameter: "text"] ?? nil).map(SIPHeaderValue.unquoted)
    }

    /// The value in wire form.
    public var description: String {
        var description = `protocol`
        if let cause { description += ";cause=" + String(cause) }
        if let text { description += ";text=" + SIPHeaderValue.quoted(text) }
        return description
    }
}
