import Foundation

extension SwitchboardCoordinator {
    /// Every series in the Prometheus text exposition format, for `GET /metrics`: the snapshot
    /// gauges are refreshed first, from every shard's counts and the engine on shard 0's loop.
    public func metricsText() async throws -> String {
        let counts = try await shardCounts()
        try await hub.eventLoop.submit {
            self.statusGauges.refresh(from: self.currentStatus(counts), presence: self.presence.source.status())
            self.statusGauges.refresh(responsesSent: counts.responsesSent, transactionTimeouts: counts.transactionTimeouts)
            self.queueGauges.refresh(from: self.distributor.engine, now: self.distributor.engineNow)
        }.get()
        return metrics.exposition()
    }
}
