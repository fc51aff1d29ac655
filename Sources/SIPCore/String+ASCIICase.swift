extension String {
    /// Compares two strings ignoring ASCII case, as SIP does for header names, parameter names and
    /// tokens: strings of different lengths differ at once, and equal bytes need no case folding.
    @inlinable
    public func equalsIgnoringASCIICase(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let left = utf8Span.span, right = other.utf8Span.span
        for index in left.indices {
            let a = left[index], b = right[index]
            if a == b { continue }
            if a | 0x20 == b | 0x20, (a | 0x20) >= 0x61, (a | 0x20) <= 0x7A { continue }
            return false
        }
        return true
    }
}

extension StringProtocol {
    /// Compares two strings ignoring ASCII case, as SIP does for header names, parameter names and tokens.
    @inlinable
    public func equalsIgnoringASCIICase<Other: StringProtocol>(_ other: Other) -> Bool {
        var left = utf8.makeIterator()
        var right = other.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case (let a?, let b?):
                if a == b { continue }
                if a | 0x20 == b | 0x20, (a | 0x20) >= 0x61, (a | 0x20) <= 0x7A { continue }
                return false
            default: return false
            }
        }
    }
}

extension String {
    /// Lowercases ASCII letters in place, leaving every other byte as it is.
    mutating func makeASCIILowercase() {
        guard utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return }
        self = String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// Uppercases ASCII letters in place, leaving every other byte as it is.
    mutating func makeASCIIUppercase() {
        guard utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) else { return }
        self = String(decoding: utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 & 0xDF : $0 }, as: UTF8.self)
    }
}
