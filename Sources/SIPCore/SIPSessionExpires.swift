/// The Session-Expires value of RFC 4028 §4: the session interval and which side refreshes it.
public struct SIPSessionExpires: Hashable, Sendable, CustomStringConvertible {
    /// Which side sends the session refresh (RFC 4028 §7).
    public enum Refresher: String, Hashable, Sendable {
        /// The side that sent the request carrying this value.
        case uac
        /// The side that answers it.
        case uas
    }

    /// The session interval in seconds.
    public var deltaSeconds: Int
    /// The refresher, when the `refresher` parameter names one.
    public var refresher: Refresher?

    /// Creates a value.
    public init(deltaSeconds: Int, refresher: Refresher? = nil) {
        self.deltaSeconds = deltaSeconds
        self.refresher = refresher
    }

    /// Reads `1800;refresher=uac`; nil when the interval is not a number.
    init?(parsing text: String) {
        let value = SIPHeaderValue(text)
        guard let seconds = value.leadingNumber, value.main.utf8.allSatisfy(\.isASCIIDigit) else { return nil }
        deltaSeconds = seconds
        if let name = value.parameters[parameter: "refresher"] ?? nil {
            var lowered = name
            lowered.makeASCIILowercase()
            refresher = Refresher(rawValue: lowered)
        }
    }

    /// The value in wire form, `1800;refresher=uac`.
    public var description: String {
        String(deltaSeconds) + (refresher.map { ";refresher=" + $0.rawValue } ?? "")
    }
}
