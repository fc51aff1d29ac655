extension SIPURI {
    /// Whether `host` can be the host of a SIP URI or a Via: a name or IPv4 address of letters, digits,
    /// `-`, `.` and `_`, or an IPv6 reference in brackets holding hexadecimal digits, colons and dots that
    /// does not end in a single colon. libosip2 is more lenient: it reads `sip:2001:db8::10` as host
    /// `2001:db8:` and port 10 (RFC 5118 §4.2) and keeps whatever precedes the port.
    static func isPlausibleHost(_ host: String) -> Bool {
        let bytes = host.utf8
        guard bytes.first == 0x5B else {
            return !bytes.isEmpty && bytes.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F }
        }
        guard bytes.count >= 4, bytes.last == 0x5D else { return false }
        let address = bytes.dropFirst().dropLast()
        let allowed = address.allSatisfy { $0.isASCIIDigit || $0 == .colon || $0 == 0x2E || (0x61...0x66).contains($0 | 0x20) }
        return allowed && address.contains(.colon) && (address.last != .colon || address.dropLast().last == .colon)
    }
}
