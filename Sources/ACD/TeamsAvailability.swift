/// Microsoft Graph presence `availability`, spelled as Graph returns it.
public enum TeamsAvailability: String, Hashable, Sendable, Codable, CaseIterable {
    /// Available.
    case available = "Available"
    /// Available but idle at the device.
    case availableIdle = "AvailableIdle"
    /// Away.
    case away = "Away"
    /// Be right back.
    case beRightBack = "BeRightBack"
    /// Busy.
    case busy = "Busy"
    /// Busy but idle at the device.
    case busyIdle = "BusyIdle"
    /// Do not disturb.
    case doNotDisturb = "DoNotDisturb"
    /// Offline.
    case offline = "Offline"
    /// Graph does not know.
    case presenceUnknown = "PresenceUnknown"
}
