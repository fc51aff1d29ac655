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

    /// Whether a generic parameter's value, when present, is not empty: RFC 3261 §25.1 `gen-value` is
    /// a token, host or quoted string. libosip2 reads `;tag = ;` as an empty value, which it refuses
    /// once written back as `;tag=;`.
    static func isUsableParameterValue(_ pointer: UnsafePointer<CChar>?) -> Bool {
        pointer.map { $0.pointee != 0 } ?? true
    }
}
