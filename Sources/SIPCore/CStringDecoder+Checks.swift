extension CStringDecoder {
    /// Whether the C string is an RFC 3261 §25.1 `token`: one or more alphanumerics or `-.!%*_+`'~`.
    /// A Via's protocol version and transport must be (RFC 3261 §20.42); libosip2 lets an empty one
    /// through when the sent-protocol is folded over lines, and it could not be written back.
    static func isToken(_ pointer: UnsafePointer<CChar>) -> Bool {
        let text = bytes(pointer)
        return !text.isEmpty && text.allSatisfy(\.isSIPTokenCharacter)
    }

    /// Whether the C string can be the part after the scheme of a URI SIPCore keeps opaque: RFC 3261
    /// §25.1 `uric` characters (unreserved, reserved and `%` escapes). Anything else, `>` in particular,
    /// could not be written inside the angle brackets the serializer puts around every address.
    static func isOpaqueURIPart(_ pointer: UnsafePointer<CChar>) -> Bool {
        bytes(pointer).allSatisfy { opaquePart.contains($0) || $0 == .percent }
    }

    /// `uric` less `%`: unreserved plus reserved (`;/?:@&=+$,`).
    private static let opaquePart = URICharacterSet(adding: ";/?:@&=+$,")

    /// Whether a generic parameter (RFC 3261 §25.1 `generic-param = token [ EQUAL gen-value ]`) can be
    /// written back as `;name=value` and read the same: the name a token, the value, when present, a
    /// quoted string or a run of characters that do not end it (no whitespace, control character,
    /// `;`, `,`, `<`, `>`, `"` or `=`). libosip2 reads `;tag = ;` as an empty value and `<sip:l;>` as a
    /// parameter named `>`, neither of which it takes back once written.
    static func isUsableParameter(name: UnsafePointer<CChar>, value: UnsafePointer<CChar>?) -> Bool {
        guard isToken(name) else { return false }
        guard let value else { return true }
        let text = bytes(value)
        guard let first = text.first else { return false }
        if first == .quote { return isQuotedString(text) }
        return text.allSatisfy { byte in
            switch byte {
            case 0...0x20, 0x7F, .semicolon, 0x2C, 0x3C, 0x3E, .quote, 0x3D: false
            default: true
            }
        }
    }

    /// Whether `text` is exactly one RFC 3261 §25.1 `quoted-string`: `"`, then text in which every
    /// `"` and `\` is escaped by a `\` (a `quoted-pair`), then the closing `"` as the last byte; no
    /// CR or LF anywhere. libosip2 takes `q="""` whole as a value, which would open a quoted string
    /// that swallows whatever follows it once written back (a second value after a comma, say).
    static func isQuotedString(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= 2, text.first == .quote, text.last == .quote else { return false }
        var index = 1
        while index < text.count - 1 {
            switch text[index] {
            case .cr, .lf, .quote: return false
            case 0x5C:
                guard index + 1 < text.count - 1, text[index + 1] != .cr, text[index + 1] != .lf else { return false }
                index += 2
            default: index += 1
            }
        }
        return true
    }
}
