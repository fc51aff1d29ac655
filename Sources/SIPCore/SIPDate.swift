/// The SIP-date of the Date header (RFC 3261 §20.17): an RFC 1123 date that is always in GMT,
/// `Sat, 13 Nov 2010 23:29:00 GMT`.
enum SIPDate {
    /// Whether `text` is a well-formed SIP-date.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","),
              weekdays.contains(String(parts[0].dropLast())), months.contains(String(parts[2])),
              parts[1].count == 2, parts[1].allSatisfy(isDigit), parts[3].count == 4, parts[3].allSatisfy(isDigit),
              parts[5] == "GMT"
        else { return false }
        let time = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        return time.count == 3 && time.allSatisfy { $0.count == 2 && $0.allSatisfy(isDigit) }
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    private static let weekdays: Set = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months: Set = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
