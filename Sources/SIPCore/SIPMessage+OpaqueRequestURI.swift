extension SIPMessage {
    /// Parses a request whose Request-URI scheme libosip2 refuses although RFC 3986 §3.1 allows it:
    /// libosip2 takes only letters, the RFC also digits, `+`, `-` and `.` (`soap.beep:`, RFC 4475
    /// §3.3.3). libosip2 parses the message with a stand-in URI and the real one is kept opaque, so the
    /// upper layer can answer `416 Unsupported URI Scheme`.
    static func parseWithOpaqueRequestURI(_ bytes: UnsafeRawBufferPointer, frame: SIPMessageFrame,
                                          into parts: inout SIPMessageParts) -> Bool {
        guard !frame.isResponse(bytes) else { return false }
        let line = bytes[frame.start..<frame.startLineEnd]
        guard let first = line.firstIndex(of: .space), let last = line.lastIndex(of: .space), first < last else { return false }
        let uri = bytes[(first + 1)..<last]
        guard let colon = uri.firstIndex(of: .colon), colon + 1 < last, let head = uri.first, head.isASCIILetter else { return false }
        let scheme = uri[..<colon]
        guard scheme.contains(where: { !$0.isASCIILetter }),
              scheme.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E })
        else { return false }
        let patched = Array(bytes[..<(first + 1)]) + Array("sip:invalid".utf8) + Array(bytes[last...])
        guard patched.withUnsafeBytes({ OSIPParser.parseMessage($0, frame: SIPMessageFrame($0), into: &parts) }) else { return false }
        var name = String(decoding: scheme, as: UTF8.self)
        name.makeASCIILowercase()
        parts.requestURI = SIPURI(scheme: name, opaque: String(decoding: uri[(colon + 1)...], as: UTF8.self))
        return true
    }
}
