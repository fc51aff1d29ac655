import TeamsPresence

/// Which Teams presence makes an agent routable for one queue.
///
/// Presence older than ``ACDConfiguration/presenceStaleness`` counts as unknown.
public struct PresencePolicy: Hashable, Sendable {
    /// Availabilities that may be offered a call.
    public var routableAvailabilities: Set<TeamsAvailability>
    /// Activities that block an offer even when the availability is routable.
    public var blockedActivities: Set<TeamsActivity>
    /// Treats Busy / InACall observed within ``ACDConfiguration/ownCallPresenceGrace`` after the
    /// agent's last Switchboard call ended as that call's echo, hence routable.
    public var allowsBusyFromOwnCall: Bool
    /// Whether an agent with no or stale presence may be offered calls.
    public var unknownIsRoutable: Bool

    /// Creates a policy.
    public init(
        routableAvailabilities: Set<TeamsAvailability>,
        blockedActivities: Set<TeamsActivity>,
        allowsBusyFromOwnCall: Bool,
        unknownIsRoutable: Bool
    ) {
        self.routableAvailabilities = routableAvailabilities
        self.blockedActivities = blockedActivities
        self.allowsBusyFromOwnCall = allowsBusyFromOwnCall
        self.unknownIsRoutable = unknownIsRoutable
    }

    /// Available/AvailableIdle only, never in a call, meeting, presentation or DND; unknown is not routable.
    public static let `default` = PresencePolicy(
        routableAvailabilities: [.available, .availableIdle],
        blockedActivities: [.inACall, .inAConferenceCall, .inAMeeting, .presenting, .doNotDisturb, .urgentInterruptionsOnly],
        allowsBusyFromOwnCall: false,
        unknownIsRoutable: false
    )

    /// Whether `presence`, observed at `observedAt`, allows an offer; `nil` means unknown or stale.
    /// `ownCallEcho` is the span (last own call's answer ..< its end plus the grace) in which a
    /// Busy / InACall observation is that call's echo.
    func allows(_ presence: TeamsPresence?, observedAt: ACDInstant, ownCallEcho: Range<ACDInstant>?) -> Bool {
        guard let presence else { return unknownIsRoutable }
        if allowsBusyFromOwnCall, presence.availability == .busy, presence.activity == .inACall,
           let ownCallEcho, ownCallEcho.contains(observedAt) {
            return true
        }
        return routableAvailabilities.contains(presence.availability) && !blockedActivities.contains(presence.activity)
    }
}
