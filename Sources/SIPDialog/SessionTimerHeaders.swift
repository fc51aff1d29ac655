import SIPCore

/// Reading and writing the RFC 4028 header fields: `Session-Expires`, `Min-SE`, and the `timer`
/// option tag in `Supported` and `Require`.
enum SessionTimerHeaders {
    /// The `refresher` parameter of Session-Expires, relative to the transaction that carries it.
    enum Refresher: String {
        case uac, uas
    }

    /// The interval and refresher of the first Session-Expires (RFC 4028 §4); nil when absent or when
    /// its delta-seconds is not a number. An unknown `refresher` value reads as absent.
    static func sessionExpires(in headers: SIPHeaders) -> (interval: Int, refresher: Refresher?)? {
        guard let value = headers["Session-Expires"].first else { return nil }
        let parts = value.split(separator: ";", omittingEmptySubsequences: false)
        guard let interval = deltaSeconds(parts[0]) else { return nil }
        var refresher: Refresher?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, trimmed(pair[0]).equalsIgnoringASCIICase("refresher") else { continue }
            refresher = Refresher(rawValue: trimmed(pair[1]).lowercased())
        }
        return (interval, refresher)
    }

    /// The seconds of the first Min-SE (RFC 4028 §5); nil when absent or not a number.
    static func minSE(in headers: SIPHeaders) -> Int? {
        guard let value = headers["Min-SE"].first,
              let seconds = value.split(separator: ";", omittingEmptySubsequences: false).first else { return nil }
        return deltaSeconds(seconds)
    }

    /// Whether the peer supports session timers: `timer` listed in Supported or in Require.
    static func peerSupportsTimer(_ headers: SIPHeaders) -> Bool {
        (headers["Supported"] + headers["Require"]).contains { list in
            list.split(separator: ",").contains { trimmed($0).equalsIgnoringASCIICase("timer") }
        }
    }

    /// `Session-Expires: N`, with `;refresher=` when given.
    static func sessionExpiresField(interval: Int, refresher: Refresher?) -> SIPHeaderField {
        SIPHeaderField(name: "Session-Expires", value: String(interval) + (refresher.map { ";refresher=" + $0.rawValue } ?? ""))
    }

    /// `Min-SE: N`.
    static func minSEField(_ seconds: Int) -> SIPHeaderField {
        SIPHeaderField(name: "Min-SE", value: String(seconds))
    }

    /// `Supported: timer`.
    static let supportedTimerField = SIPHeaderField(name: "Supported", value: "timer")
    /// `Require: timer`.
    static let requireTimerField = SIPHeaderField(name: "Require", value: "timer")

    private static func deltaSeconds(_ text: Substring) -> Int? {
        let digits = trimmed(text)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(digits)
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return text[start...end]
    }
}
