import TeamsPresence

/// One user's presence as observed at one moment: what Graph (or a static source) said, and when.
public struct PresenceSnapshot: Sendable, Hashable {
    /// The user's Entra object id, lowercased (Graph ids are GUIDs and compare case-insensitively).
    public var userID: String
    /// The base presence.
    public var availability: TeamsAvailability
    /// The supplemental activity.
    public var activity: TeamsActivity
    /// When the source observed this presence (the poller's clock when Graph's answer arrived).
    public var observedAt: ContinuousClock.Instant

    /// Creates a snapshot; `userID` is lowercased.
    public init(
        userID: String,
        availability: TeamsAvailability,
        activity: TeamsActivity,
        observedAt: ContinuousClock.Instant
    ) {
        self.userID = userID.lowercased()
        self.availability = availability
        self.activity = activity
        self.observedAt = observedAt
    }
}
