extension SIPNameAddress {
    /// Parses a `name-addr` (`"Alice" <sip:alice@example.com>;tag=1`) or an `addr-spec` with header
    /// parameters (`sip:alice@example.com;tag=1`), as in From, To, Contact, Refer-To (RFC 3261 §20.10).
    public init(parsing text: String) throws(SIPParseError) {
        guard let address = OSIPParser.nameAddress(parsing: text) else {
            throw SIPParseError(reason: .malformedHeader("name-addr"), detail: "'\(text)' is not an address", isRequest: false)
        }
        self = address
    }
}
