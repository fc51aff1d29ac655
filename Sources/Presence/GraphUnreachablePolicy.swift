/// What presence counts for while the source is unreachable.
public enum GraphUnreachablePolicy: Sendable, Hashable {
    /// Keep each agent's last known presence for this long after the outage began, then treat it as unknown.
    case keepLastKnown(for: Duration)
    /// Treat every agent as unknown as soon as the source is unreachable.
    case unknownImmediately

    /// How long last known presence stays valid after an outage begins.
    public var gracePeriod: Duration {
        switch self {
        case .keepLastKnown(let duration): duration
        case .unknownImmediately: .zero
        }
    }
}
