import TeamsPresence

/// Decides what presence the queue engine sees for a user: the last observation while it can be
/// trusted, otherwise ``TeamsPresence/unknown``. Whether a presence is routable is not decided here:
/// that is the queue's presence policy, in the ACD engine.
///
/// Pure: the same inputs always give the same answer. The rules, in order:
///
/// 1. No observation at all: unknown (Graph omits ids it does not know).
/// 2. Source unreachable: the last observation counts until `since + unreachablePolicy.gracePeriod`,
///    then unknown. The staleness budget does not apply during the grace period.
/// 3. Source reachable: an observation older than the staleness budget is unknown.
/// 4. Otherwise the observation, as Graph reported it.
public struct PresenceFreshness: Sendable, Hashable {
    /// How old an observation may be while the source is reachable; `nil` means never stale (static source).
    public var stalenessBudget: Duration?
    /// What applies while the source is unreachable.
    public var unreachablePolicy: GraphUnreachablePolicy

    /// Creates the freshness rules.
    public init(stalenessBudget: Duration?, unreachablePolicy: GraphUnreachablePolicy) {
        self.stalenessBudget = stalenessBudget
        self.unreachablePolicy = unreachablePolicy
    }

    /// The presence to route on at `now`.
    public func presence(snapshot: PresenceSnapshot?, health: PresenceSourceHealth, now: ContinuousClock.Instant) -> TeamsPresence {
        guard let snapshot else { return .unknown }
        switch health {
        case .unreachable(let since, _):
            if now >= since + unreachablePolicy.gracePeriod { return .unknown }
        case .reachable:
            if let stalenessBudget, now - snapshot.observedAt > stalenessBudget { return .unknown }
        }
        return TeamsPresence(availability: snapshot.availability, activity: snapshot.activity)
    }
}
