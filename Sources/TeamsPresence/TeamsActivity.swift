/// The supplemental activity Microsoft Graph reports next to the availability (`presence.activity`).
///
/// Known values parse case-insensitively; a value Graph adds later is kept verbatim in ``other(_:)``
/// so that it can be logged and named in a routing policy, while never matching a known value.
public enum TeamsActivity: Sendable, Hashable {
    /// Available.
    case available
    /// Away.
    case away
    /// Be right back.
    case beRightBack
    /// Busy.
    case busy
    /// Do not disturb.
    case doNotDisturb
    /// In a one-to-one or group call.
    case inACall
    /// In a conference call.
    case inAConferenceCall
    /// Inactive.
    case inactive
    /// In a meeting.
    case inAMeeting
    /// Offline.
    case offline
    /// Off work.
    case offWork
    /// Out of office.
    case outOfOffice
    /// Unknown to Graph, or missing from the answer.
    case presenceUnknown
    /// Presenting (sharing the screen).
    case presenting
    /// Only urgent interruptions get through.
    case urgentInterruptionsOnly
    /// Focusing.
    case focusing
    /// A value this version does not know, kept as Graph sent it.
    case other(String)

    /// Every activity Graph documents, in its spelling's order of the documentation.
    public static let known: [TeamsActivity] = [
        .available, .away, .beRightBack, .busy, .doNotDisturb, .inACall, .inAConferenceCall, .inactive,
        .inAMeeting, .offline, .offWork, .outOfOffice, .presenceUnknown, .presenting,
        .urgentInterruptionsOnly, .focusing,
    ]

    private static let byLowercasedName: [String: TeamsActivity] = Dictionary(
        uniqueKeysWithValues: known.map { ($0.graphValue.lowercased(), $0) }
    )

    /// Parses a Graph value case-insensitively; an empty value is ``presenceUnknown``.
    public init(graphValue: String) {
        let trimmed = graphValue.trimmedASCIIWhitespace
        if trimmed.isEmpty {
            self = .presenceUnknown
        } else {
            self = Self.byLowercasedName[trimmed.lowercased()] ?? .other(trimmed)
        }
    }

    /// The value as Graph spells it.
    public var graphValue: String {
        switch self {
        case .available: "Available"
        case .away: "Away"
        case .beRightBack: "BeRightBack"
        case .busy: "Busy"
        case .doNotDisturb: "DoNotDisturb"
        case .inACall: "InACall"
        case .inAConferenceCall: "InAConferenceCall"
        case .inactive: "Inactive"
        case .inAMeeting: "InAMeeting"
        case .offline: "Offline"
        case .offWork: "OffWork"
        case .outOfOffice: "OutOfOffice"
        case .presenceUnknown: "PresenceUnknown"
        case .presenting: "Presenting"
        case .urgentInterruptionsOnly: "UrgentInterruptionsOnly"
        case .focusing: "Focusing"
        case .other(let value): value
        }
    }
}

extension TeamsActivity: Codable {
    /// Decodes Graph's spelling.
    public init(from decoder: any Decoder) throws {
        self.init(graphValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes Graph's spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(graphValue)
    }
}
