/// A Teams user's base presence as Microsoft Graph reports it in `presence.availability`
/// (Microsoft Graph `presence` resource, v1.0).
///
/// Graph documents nine values; anything else (a new value, an empty string, a typo) maps to
/// ``presenceUnknown`` so that a change on Microsoft's side never makes an agent routable by accident.
public enum TeamsAvailability: String, Sendable, Hashable, Codable, CaseIterable {
    /// The user is available.
    case available = "Available"
    /// Available but idle (no input for a while).
    case availableIdle = "AvailableIdle"
    /// The user is away.
    case away = "Away"
    /// The user has said they will be right back.
    case beRightBack = "BeRightBack"
    /// The user is busy (for example in a call or a meeting).
    case busy = "Busy"
    /// Busy but idle.
    case busyIdle = "BusyIdle"
    /// Do not disturb: Teams delivers no calls to this user.
    case doNotDisturb = "DoNotDisturb"
    /// The user is offline.
    case offline = "Offline"
    /// Graph does not know, or the value was not understood.
    case presenceUnknown = "PresenceUnknown"

    private static let byLowercasedName: [String: TeamsAvailability] = Dictionary(
        uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) }
    )

    /// Parses a Graph value case-insensitively; unknown values become ``presenceUnknown``.
    public init(graphValue: String) {
        self = Self.byLowercasedName[graphValue.trimmedASCIIWhitespace.lowercased()] ?? .presenceUnknown
    }

    /// The value as Graph spells it.
    public var graphValue: String { rawValue }
}
