extension UInt8 {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let percent: UInt8 = 0x25
    static let zero: UInt8 = 0x30
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let backslash: UInt8 = 0x5C

    /// Whether the byte is an ASCII digit.
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// Whether the byte is an ASCII letter.
    var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

    /// Whether the byte may appear in an RFC 3261 `token`:
    /// alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~".
    var isSIPTokenCharacter: Bool {
        if isASCIIDigit || isASCIILetter { return true }
        switch self {
        case 0x2D, 0x2E, 0x21, 0x25, 0x2A, 0x5F, 0x2B, 0x60, 0x27, 0x7E: return true
        default: return false
        }
    }

    /// Whether the byte is a space or a horizontal tab.
    var isSIPWhitespace: Bool { self == .space || self == .tab }

    /// Compares two bytes, ignoring the case of ASCII letters.
    static func equalsIgnoringASCIICase(_ left: UInt8, _ right: UInt8) -> Bool {
        left == right || (left | 0x20 == right | 0x20 && left.isASCIILetter)
    }
}
