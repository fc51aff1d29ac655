/// One Teams presence observation for an agent: Graph's two values, as the presence source reports
/// them and the queue engine judges them.
public struct TeamsPresence: Hashable, Sendable, Codable {
    /// Graph's `availability`.
    public var availability: TeamsAvailability
    /// Graph's `activity`.
    public var activity: TeamsActivity

    /// Creates an observation from Graph's two values.
    public init(availability: TeamsAvailability, activity: TeamsActivity) {
        self.availability = availability
        self.activity = activity
    }

    /// Available and free.
    public static let available = TeamsPresence(availability: .available, activity: .available)
    /// Busy in a call (which may be one of Switchboard's own).
    public static let inACall = TeamsPresence(availability: .busy, activity: .inACall)
    /// Nobody knows: never reported, stale, or the source is down.
    public static let unknown = TeamsPresence(availability: .presenceUnknown, activity: .presenceUnknown)
}
