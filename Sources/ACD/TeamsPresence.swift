/// One Teams presence observation for an agent, as the presence poller maps it from Graph.
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
    /// Busy in a call (which may be one of ours, see ``PresencePolicy/allowsBusyFromOwnCall``).
    public static let inACall = TeamsPresence(availability: .busy, activity: .inACall)
}
