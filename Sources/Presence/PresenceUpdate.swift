/// What a presence source reports: fresh observations, or a change of its own health.
public enum PresenceUpdate: Sendable, Hashable {
    /// Presence of some users as just observed (one Graph batch, or values set on a static source).
    case observed([PresenceSnapshot])
    /// The source became unreachable or reachable again; reported once per change, not per poll.
    case health(PresenceSourceHealth)
}
