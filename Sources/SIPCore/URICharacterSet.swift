/// The ASCII characters a part of a SIP URI may carry without percent-encoding (RFC 3261 §25.1):
/// `unreserved` (alphanumerics and `-_.!~*'()`) plus the part's own extra characters.
struct URICharacterSet: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The unreserved characters plus `extra`.
    init(adding extra: String) {
        for byte in Array("-_.!~*'()".utf8) + Array(extra.utf8) { insert(byte) }
        for byte in UInt8(0x30)...0x39 { insert(byte) }
        for byte in UInt8(0x41)...0x5A { insert(byte); insert(byte | 0x20) }
    }

    private mutating func insert(_ byte: UInt8) {
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    /// Whether `byte` may appear unencoded.
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }

    /// `user`: unreserved / escaped / user-unreserved.
    static let user = URICharacterSet(adding: "&=+$,;?/")
    /// `password`: unreserved / escaped / "&" / "=" / "+" / "$" / ",".
    static let password = URICharacterSet(adding: "&=+$,")
    /// `pname` and `pvalue`: paramchar = param-unreserved / unreserved / escaped.
    static let parameter = URICharacterSet(adding: "[]/:&+$")
    /// `hname` and `hvalue`: hnv-unreserved / unreserved / escaped.
    static let header = URICharacterSet(adding: "[]/?:+$")
}
