#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The canonical spelling of a name libosip2 handed back lowercased, found without making a String
    /// for the names of `known`; nil for any other name.
    static func canonical(lowercased name: UnsafeBufferPointer<UInt8>) -> String? {
        guard let start = name.baseAddress, name.count + 1 < bucketStarts.count else { return nil }
        let found = lowered.withUnsafeBufferPointer { lowered -> Int? in
            guard let blob = lowered.baseAddress else { return nil }
            return bucketStarts.withUnsafeBufferPointer { buckets in
                offsets.withUnsafeBufferPointer { offsets in
                    for index in buckets[name.count]..<buckets[name.count + 1] where memcmp(blob + offsets[index], start, name.count) == 0 {
                        return index
                    }
                    return nil
                }
            }
        }
        return found.map { spellings[$0] }
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

    /// The entries of `table` ordered by length, for lookups that make no String.
    private static let byLength = table.sorted { ($0.key.utf8.count, $0.key) < ($1.key.utf8.count, $1.key) }
    /// The lowercased names of `byLength`, laid end to end.
    private static let lowered = Array(byLength.map(\.key).joined().utf8)
    /// Where each name of `byLength` starts in `lowered`.
    private static let offsets = byLength.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.key.utf8.count) }
    /// For each length, the index of the first name of `byLength` that long or longer.
    private static let bucketStarts = (0...(byLength.last?.key.utf8.count ?? 0) + 1).map { length in
        byLength.firstIndex { $0.key.utf8.count >= length } ?? byLength.count
    }
    /// The canonical spellings of `byLength`.
    private static let spellings = byLength.map(\.value)

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
