import Foundation

extension SwitchboardCoordinator {
    /// Every series in the Prometheus text exposition format, for `GET /metrics`: the snapshot
    /// gauges are refreshed on the loop first.
    public func metricsText() async throws -> String {
        try await stack.eventLoop.submit {
            self.statusGauges.refresh(from: self.currentStatus(), presence: self.presence.source.status())
            self.statusGauges.refresh(responsesSent: self.stack.responsesSent, transactionTimeouts: self.stack.transactionTimeouts)
            self.queueGauges.refresh(from: self.distributor.engine, now: self.distributor.engineNow)
        }.get()
        return metrics.exposition()
    }
}
