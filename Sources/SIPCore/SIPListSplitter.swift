/// Splits a header value into its comma-separated elements (RFC 3261 §7.3.1), ignoring commas inside
/// quoted strings and angle brackets, trimming each element and dropping empty ones.
enum SIPListSplitter {
    /// The elements of `value`.
    static func elements(_ value: String) -> [String] {
        var elements: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var escaped = false
        var inBrackets = false
        for byte in value.utf8 {
            if inQuotes {
                if escaped { escaped = false } else if byte == .backslash { escaped = true } else if byte == .quote { inQuotes = false }
            } else if byte == .quote {
                inQuotes = true
            } else if byte == 0x3C {
                inBrackets = true
            } else if byte == 0x3E {
                inBrackets = false
            } else if byte == 0x2C, !inBrackets {
                append(current, to: &elements)
                current.removeAll(keepingCapacity: true)
                continue
            }
            current.append(byte)
        }
        append(current, to: &elements)
        return elements
    }

    private static func append(_ bytes: [UInt8], to elements: inout [String]) {
        let trimmed = bytes.drop { $0.isSIPWhitespace }
        guard let end = trimmed.lastIndex(where: { !$0.isSIPWhitespace }) else { return }
        elements.append(String(decoding: trimmed[...end], as: UTF8.self))
    }
}
