/// The router's side of trunk health: the calls' reports go out through `trunkFeedback`, and the
/// trunk monitor's verdict comes back in as an event for the call distributor.
extension CallRouter {
    /// Where the calls report what the trunk did with their B-leg INVITEs.
    public var trunkFeedback: TrunkFeedback { context.trunkFeedback }

    /// Suspends offers while the B-leg trunk is down, resumes them when it is up again; through the
    /// mailbox, after whatever the router is doing now.
    public func trunkAvailabilityChanged(isUp: Bool) {
        post(.distribution(.offersSuspended(!isUp)))
    }
}
