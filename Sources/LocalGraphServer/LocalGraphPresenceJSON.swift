/// Writes presence answers as JSON bytes directly: `JSONSerialization` made the stand-in, not the
/// client, the bottleneck of the 50,000-agent benchmark. Field order and extra fields follow Graph.
enum LocalGraphPresenceJSON {
    private static let collectionContext = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.presence)"

    /// `{"@odata.context": ..., "value": [presence, ...]}`.
    static func collection(_ users: [LocalGraphUser]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96 + users.count * 330)
        out += #"{"@odata.context":"#.utf8
        appendString(collectionContext, to: &out)
        out += #","value":["#.utf8
        for (index, user) in users.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendPresence(user, context: nil, to: &out)
        }
        out += "]}".utf8
        return out
    }

    /// One presence object, as `GET /users/{id}/presence` answers it.
    static func single(_ user: LocalGraphUser) -> [UInt8] {
        var out: [UInt8] = []
        appendPresence(user, context: "https://graph.microsoft.com/v1.0/$metadata#users('\(user.id)')/presence/$entity", to: &out)
        return out
    }

    private static func appendPresence(_ user: LocalGraphUser, context: String?, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let context {
            out += #""@odata.context":"#.utf8
            appendString(context, to: &out)
            out.append(UInt8(ascii: ","))
        }
        out += #""id":"#.utf8
        appendString(user.id, to: &out)
        out += #","availability":"#.utf8
        appendString(user.availability, to: &out)
        out += #","activity":"#.utf8
        appendString(user.activity, to: &out)
        out += #","statusMessage":null,"outOfOfficeSettings":{"message":null,"isOutOfOffice":false},"#.utf8
        out += #""sequenceNumber":"#.utf8
        appendString("C2B5\(user.id.utf8.reduce(UInt32(5381)) { $0 &* 33 &+ UInt32($1) })", to: &out)
        out += #","workLocation":{"workLocationType":"unknown","source":"none","placeId":null}}"#.utf8
    }

    /// A JSON string literal (RFC 8259 §7 escaping).
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += #"\""#.utf8
            case UInt8(ascii: "\\"): out += #"\\"#.utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += #"\u00"#.utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
