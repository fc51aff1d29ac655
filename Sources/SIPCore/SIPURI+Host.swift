extension SIPURI {
    /// Whether a SIP or SIPS host can be what it claims: an IPv6 reference keeps to hexadecimal digits,
    /// colons and dots and does not end in a single colon, which is what libosip2 leaves of an IPv6
    /// address written without brackets (`sip:2001:db8::10` reads as host `2001:db8:`, port 10).
    var hasPlausibleHost: Bool {
        guard scheme == "sip" || scheme == "sips" else { return true }
        let bytes = host.utf8
        guard bytes.first == 0x5B else { return !bytes.isEmpty && !bytes.contains(.colon) }
        guard bytes.count >= 4, bytes.last == 0x5D else { return false }
        let address = bytes.dropFirst().dropLast()
        let allowed = address.allSatisfy { $0.isASCIIDigit || $0 == .colon || $0 == 0x2E || (0x61...0x66).contains($0 | 0x20) }
        return allowed && address.contains(.colon) && (address.last != .colon || address.dropLast().last == .colon)
    }
}
