extension ACDEngine {
    /// Suspends or resumes every offer (the trunk to the agents went down or came back). Offers in
    /// progress end as the B2BUA reports them; on resumption every queue and every preferred-agent
    /// wait is looked at again, so waiting callers are offered at once.
    mutating func suspendOffers(_ suspended: Bool) {
        guard suspended != offersSuspended else { return }
        offersSuspended = suspended
        guard !suspended else { return }
        for queue in queues.indices { markDirty(queue) }
        pendingPreferred.append(contentsOf: preferredWaiters.keys.sorted())
    }
}
