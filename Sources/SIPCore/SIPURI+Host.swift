extension SIPURI {
    /// What a host written as libosip2 hands it back (an IPv6 reference without its brackets) can be.
    enum HostKind {
        /// A domain name or IPv4 address: letters, digits, `-`, `.` and `_`.
        case name
        /// An IPv6 address: hexadecimal digits, colons and dots, not ending in a single colon.
        case ipv6
    }

    /// The kind of host `host` can be in a SIP URI or a Via, in one pass; nil when it can be neither.
    /// libosip2 itself reads `sip:2001:db8::10` as host `2001:db8:` and port 10 (RFC 5118 §4.2).
    static func hostKind(_ host: UnsafeBufferPointer<UInt8>) -> HostKind? {
        guard let last = host.last else { return nil }
        var couldBeName = true
        var couldBeAddress = true
        for byte in host {
            switch byte {
            case 0x30...0x39, 0x2E, 0x41...0x46, 0x61...0x66: continue
            case .colon: couldBeName = false
            case 0x47...0x5A, 0x67...0x7A, 0x2D, 0x5F: couldBeAddress = false
            default: return nil
            }
        }
        if couldBeName { return .name }
        // A lone `:` (written `[:]`) is no address, and has no byte before its last to look at.
        guard couldBeAddress, host.count >= 2, last != .colon || host[host.count - 2] == .colon else { return nil }
        return .ipv6
    }
}
