/// A header value of the form `main *( ";" name [ "=" value ] )`, as Session-Expires, Min-SE,
/// Retry-After and Reason are written; semicolons inside quoted strings do not split, and the
/// whitespace RFC 3261 §25.1 allows around `;` and `=` is dropped.
struct SIPHeaderValue {
    /// The part before the first parameter.
    var main: String
    /// The parameters, in order, values still quoted where they were.
    var parameters: [SIPParameter]

    /// Splits `text`.
    init(_ text: String) {
        var pieces: [String] = []
        var current: [UInt8] = []
        var inQuotes = false
        var escaped = false
        for byte in text.utf8 {
            if inQuotes {
                if escaped { escaped = false } else if byte == .backslash { escaped = true } else if byte == .quote { inQuotes = false }
            } else if byte == .quote {
                inQuotes = true
            } else if byte == .semicolon {
                pieces.append(Self.trimmed(current))
                current.removeAll(keepingCapacity: true)
                continue
            }
            current.append(byte)
        }
        pieces.append(Self.trimmed(current))
        main = pieces.removeFirst()
        parameters = pieces.filter { !$0.isEmpty }.map { piece in
            guard let equals = piece.utf8.firstIndex(of: 0x3D) else { return SIPParameter(name: piece) }
            return SIPParameter(name: Self.trimmed(Array(piece.utf8[..<equals])),
                                value: Self.trimmed(Array(piece.utf8[piece.utf8.index(after: equals)...])))
        }
    }

    /// The leading decimal digits of `main` (`18000` in `18000 (lunch)`), when there are some.
    var leadingNumber: Int? {
        SIPDecimal.value(main.utf8.prefix { $0.isASCIIDigit }, below: Int(UInt32.max) + 1)
    }

    /// `text` without its surrounding quotes and with its quoted pairs resolved, or `text` itself when unquoted.
    static func unquoted(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes.first == .quote, bytes.last == .quote else { return text }
        var result: [UInt8] = []
        var escaped = false
        for byte in bytes[1..<(bytes.count - 1)] {
            if !escaped, byte == .backslash { escaped = true; continue }
            escaped = false
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` as a quoted string, with `"` and `\` escaped.
    static func quoted(_ text: String) -> String {
        let escaped = text.utf8.flatMap { $0 == .quote || $0 == .backslash ? [.backslash, $0] : [$0] }
        return "\"" + String(decoding: escaped, as: UTF8.self) + "\""
    }

    private static func trimmed(_ bytes: [UInt8]) -> String {
        let start = bytes.firstIndex { !$0.isSIPWhitespace } ?? bytes.endIndex
        let end = bytes.lastIndex { !$0.isSIPWhitespace }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
