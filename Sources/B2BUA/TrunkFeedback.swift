/// Where the calls report what the trunk did with their B-leg INVITEs, once per attempt: the trunk
/// monitor listens here. Shared by every call of one router (a reference in the `CallContext`).
public final class TrunkFeedback: @unchecked Sendable {
    /// Receives each B-leg attempt's observation, on the router's loop.
    public var observer: ((TrunkHealth.Observation) -> Void)?

    init() {}

    /// Reports one attempt's observation.
    func report(_ observation: TrunkHealth.Observation) {
        observer?(observation)
    }
}
