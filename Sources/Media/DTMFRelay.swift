/// A DTMF digit sent in a SIP INFO request with an `application/dtmf-relay` body, the fallback when
/// the SBC does not send RFC 4733 events: `Signal=5` and `Duration=160` lines (milliseconds).
///
/// The body is a de-facto format (first published by Cisco), so reading is lenient where senders
/// differ: names are case-insensitive, spaces around `=` are allowed, lines may end with CRLF or LF,
/// `Signal` may be a key (`*`, `#`, `A`) or its event code (`10`, `11`, `12`), and lines other than
/// `Signal` and `Duration` are skipped.
public struct DTMFRelay: Hashable, Sendable {
    /// The MIME type of the body.
    public static let contentType = "application/dtmf-relay"

    /// The digit.
    public var digit: DTMFDigit
    /// The duration in milliseconds, when the body gives one.
    public var durationMilliseconds: Int?

    /// Creates a relayed digit.
    public init(digit: DTMFDigit, durationMilliseconds: Int? = nil) {
        self.digit = digit
        self.durationMilliseconds = durationMilliseconds
    }

    /// Reads a body; nil when it has no `Signal` line or that line names no DTMF digit, or when
    /// `Duration` is not a non-negative number.
    public init?(body: some Collection<UInt8>) {
        var digit: DTMFDigit?
        var duration: Int?
        for line in String(decoding: body, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let halves = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2 else { continue }
            let name = halves[0].trimmingSpaces().lowercased()
            let value = halves[1].trimmingSpaces()
            switch name {
            case "signal":
                guard let parsed = Self.digit(value) else { return nil }
                digit = parsed
            case "duration":
                guard let parsed = Int(value), parsed >= 0 else { return nil }
                duration = parsed
            default: continue
            }
        }
        guard let digit else { return nil }
        self.init(digit: digit, durationMilliseconds: duration)
    }

    /// The body of this digit: `Signal=<key>` and `Duration=<ms>` lines, each ending with CRLF.
    public var body: [UInt8] {
        var text = "Signal=\(digit.key)\r\n"
        if let durationMilliseconds { text += "Duration=\(durationMilliseconds)\r\n" }
        return Array(text.utf8)
    }

    private static func digit(_ value: Substring) -> DTMFDigit? {
        if value.count == 1, let key = value.first { return DTMFDigit(key) }
        guard let code = UInt8(value) else { return nil }
        return DTMFDigit(event: code)
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> Substring {
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return self[first...last]
    }
}
