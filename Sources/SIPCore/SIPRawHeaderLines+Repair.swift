extension SIPRawHeaderLines {
    /// A best-effort repair of a header value libosip2 rejected, used only to salvage what a `400` needs:
    /// a lone unbalanced quote is dropped (RFC 4475 §3.1.2.6), an unquoted display name with non-token
    /// characters is quoted (§3.1.2.15), spaces inside angle brackets go (§3.1.2.14), and so do empty
    /// parameters and list elements (`;;,;,,`, §3.1.2.1).
    static func repaired(_ value: String) -> String {
        var bytes = Array(value.utf8)
        if let lone = loneQuote(in: bytes) { bytes.remove(at: lone) }
        bytes = quotingDisplayName(bytes)
        var repaired: [UInt8] = []
        var inQuotes = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inQuotes {
                if escaped { escaped = false } else if byte == .backslash { escaped = true } else if byte == .quote { inQuotes = false }
            } else if byte == .quote {
                inQuotes = true
            } else if byte == .semicolon || byte == 0x2C {
                let next = bytes[(index + 1)...].first { !$0.isSIPWhitespace }
                if next == nil || next == .semicolon || next == 0x2C { continue }
            } else if byte.isSIPWhitespace, repaired.last == 0x3C {
                continue
            } else if byte == 0x3E {
                while let last = repaired.last, last.isSIPWhitespace { repaired.removeLast() }
            }
            repaired.append(byte)
        }
        while let last = repaired.last, last.isSIPWhitespace { repaired.removeLast() }
        return String(decoding: repaired, as: UTF8.self)
    }

    /// The index of the opening quote when the quotes of `bytes` do not balance.
    private static func loneQuote(in bytes: [UInt8]) -> Int? {
        var open: Int?
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if escaped {
                escaped = false
            } else if byte == .backslash, open != nil {
                escaped = true
            } else if byte == .quote {
                open = open == nil ? index : nil
            }
        }
        return open
    }

    /// `Bell, Alexander <sip:…>` becomes `"Bell, Alexander" <sip:…>`.
    private static func quotingDisplayName(_ bytes: [UInt8]) -> [UInt8] {
        guard let first = bytes.firstIndex(where: { !$0.isSIPWhitespace }), bytes[first] != .quote,
              let angle = bytes.firstIndex(of: 0x3C), first < angle,
              bytes[first..<angle].contains(where: { !$0.isSIPTokenCharacter && !$0.isSIPWhitespace })
        else { return bytes }
        var name = Array(bytes[first..<angle])
        while let last = name.last, last.isSIPWhitespace { name.removeLast() }
        let escaped = name.flatMap { $0 == .quote || $0 == .backslash ? [.backslash, $0] : [$0] }
        return [.quote] + escaped + [.quote, .space] + bytes[angle...]
    }
}
