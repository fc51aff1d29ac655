/// Fuses Teams presence, Switchboard's own call state and staleness into one ``AgentAvailability``.
///
/// Pure: the same inputs always give the same verdict. The rules, in order:
///
/// 1. Own call state first. An agent Switchboard is ringing, talking to or holding in wrap-up is
///    not routable at once, whatever Graph says (Graph lags by seconds to a minute).
/// 2. No observation at all: unknown (`noPresence`).
/// 3. Source unreachable: the last observation counts until `since + unreachablePolicy.gracePeriod`,
///    then unknown (`sourceUnreachable`). The staleness budget does not apply during the grace period.
/// 4. Source reachable: an observation older than the staleness budget is unknown (`stale`).
/// 5. Presence: Available/AvailableIdle are routable unless the activity says the user is in a call,
///    a conference call or presenting; PresenceUnknown is unknown; every other value is not routable
///    (DoNotDisturb above all: Teams would send the call to voicemail).
public struct PresenceFusion: Sendable, Hashable {
    /// How old an observation may be while the source is reachable; `nil` means never stale (static source).
    public var stalenessBudget: Duration?
    /// What applies while the source is unreachable.
    public var unreachablePolicy: GraphUnreachablePolicy

    /// Creates the fusion rules.
    public init(stalenessBudget: Duration?, unreachablePolicy: GraphUnreachablePolicy) {
        self.stalenessBudget = stalenessBudget
        self.unreachablePolicy = unreachablePolicy
    }

    /// The agent's availability at `now`.
    public func availability(
        snapshot: PresenceSnapshot?,
        callState: AgentCallState,
        health: PresenceSourceHealth,
        now: ContinuousClock.Instant
    ) -> AgentAvailability {
        if callState != .idle {
            return .notRoutable(.callState(callState))
        }
        guard let snapshot else {
            return .unknown(.noPresence)
        }
        switch health {
        case .unreachable(let since, _):
            if now >= since + unreachablePolicy.gracePeriod {
                return .unknown(.sourceUnreachable)
            }
        case .reachable:
            if let stalenessBudget, now - snapshot.observedAt > stalenessBudget {
                return .unknown(.stale)
            }
        }
        return Self.verdict(availability: snapshot.availability, activity: snapshot.activity)
    }

    /// The verdict presence alone gives, for an idle agent with a fresh observation.
    public static func verdict(availability: TeamsAvailability, activity: TeamsActivity) -> AgentAvailability {
        switch availability {
        case .available, .availableIdle:
            switch activity {
            case .inACall, .inAConferenceCall, .presenting:
                return .notRoutable(.presence(availability, activity))
            default:
                return .routable
            }
        case .presenceUnknown:
            return .unknown(.presenceUnknown)
        case .away, .beRightBack, .busy, .busyIdle, .doNotDisturb, .offline:
            return .notRoutable(.presence(availability, activity))
        }
    }
}
