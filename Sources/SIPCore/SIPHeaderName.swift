/// Canonical spelling of header names: compact forms expanded (RFC 3261 §7.3.3 and the extensions that
/// define one) and the usual capitalisation restored, since libosip2 hands every name back lowercased.
enum SIPHeaderName {
    /// The canonical spelling of `name`, compared case-insensitively; unknown names get each
    /// hyphen-separated word capitalised (`x-ms-sbc` becomes `X-Ms-Sbc`).
    static func canonical(_ name: String) -> String {
        if let known = table[name] { return known }
        var lowered = name
        lowered.makeASCIILowercase()
        if let known = table[lowered] { return known }
        return capitalisingWords(lowered)
    }

    private static func capitalisingWords(_ lowered: String) -> String {
        var bytes = Array(lowered.utf8)
        var startOfWord = true
        for index in bytes.indices {
            if startOfWord, bytes[index] >= 0x61, bytes[index] <= 0x7A { bytes[index] -= 0x20 }
            startOfWord = bytes[index] == 0x2D
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let known = [
        "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Accept-Resource-Priority",
        "Alert-Info", "Allow", "Allow-Events", "Answer-Mode", "Authentication-Info", "Authorization",
        "Call-ID", "Call-Info", "Contact", "Content-Disposition", "Content-Encoding", "Content-Language",
        "Content-Length", "Content-Transfer-Encoding", "Content-Type", "CSeq", "Date", "Error-Info", "Event",
        "Expires", "Feature-Caps", "Flow-Timer", "From", "Geolocation", "History-Info", "Identity",
        "Identity-Info", "In-Reply-To", "Join", "Max-Breadth", "Max-Forwards", "MIME-Version", "Min-Expires",
        "Min-SE", "Organization", "P-Access-Network-Info", "P-Asserted-Identity", "P-Asserted-Service",
        "P-Associated-URI", "P-Called-Party-ID", "P-Charging-Vector", "P-Early-Media", "P-Preferred-Identity",
        "P-Preferred-Service", "P-Visited-Network-ID", "Path", "Priority", "Privacy", "Proxy-Authenticate",
        "Proxy-Authorization", "Proxy-Require", "RAck", "Reason", "Record-Route", "Recv-Info", "Refer-Sub",
        "Refer-To", "Referred-By", "Reject-Contact", "Replaces", "Reply-To", "Request-Disposition", "Require",
        "Resource-Priority", "Retry-After", "Route", "RSeq", "Security-Client", "Security-Server",
        "Security-Verify", "Server", "Service-Route", "Session-Expires", "Session-ID", "SIP-ETag",
        "SIP-If-Match", "Subject", "Subscription-State", "Supported", "Target-Dialog", "Timestamp", "To",
        "Trigger-Consent", "Unsupported", "User-Agent", "User-to-User", "Via", "Warning", "WWW-Authenticate",
    ]

    private static let compact: [String: String] = [
        "a": "Accept-Contact", "b": "Referred-By", "c": "Content-Type", "d": "Request-Disposition",
        "e": "Content-Encoding", "f": "From", "i": "Call-ID", "j": "Reject-Contact", "k": "Supported",
        "l": "Content-Length", "m": "Contact", "n": "Identity-Info", "o": "Event", "r": "Refer-To",
        "s": "Subject", "t": "To", "u": "Allow-Events", "v": "Via", "x": "Session-Expires", "y": "Identity",
    ]

    private static let table: [String: String] = {
        var table = compact
        for name in known {
            var lowered = name
            lowered.makeASCIILowercase()
            table[lowered] = name
        }
        return table
    }()
}
