/// Microsoft Graph presence `activity`, spelled as Graph returns it.
public enum TeamsActivity: String, Hashable, Sendable, Codable, CaseIterable {
    /// Available.
    case available = "Available"
    /// Away.
    case away = "Away"
    /// Be right back.
    case beRightBack = "BeRightBack"
    /// Busy.
    case busy = "Busy"
    /// Do not disturb.
    case doNotDisturb = "DoNotDisturb"
    /// In a one-to-one call.
    case inACall = "InACall"
    /// In a conference call.
    case inAConferenceCall = "InAConferenceCall"
    /// Inactive.
    case inactive = "Inactive"
    /// In a meeting.
    case inAMeeting = "InAMeeting"
    /// Offline.
    case offline = "Offline"
    /// Off work.
    case offWork = "OffWork"
    /// Out of office.
    case outOfOffice = "OutOfOffice"
    /// Graph does not know.
    case presenceUnknown = "PresenceUnknown"
    /// Presenting.
    case presenting = "Presenting"
    /// Urgent interruptions only.
    case urgentInterruptionsOnly = "UrgentInterruptionsOnly"
}
