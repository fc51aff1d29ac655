import B2BUA
import ControlModel
import Foundation
import Presence

extension SwitchboardCoordinator {
    /// The daemon's state and live counters: each shard's read on its loop, the rest on shard 0's.
    public func statusReport() async throws -> StatusReport {
        let counts = try await shardCounts()
        return try await hub.eventLoop.submit { self.currentStatus(counts) }.get()
    }

    /// The daemon's state and live counters now (on shard 0's loop), with the shards' `counts`.
    func currentStatus(_ counts: ShardCounts) -> StatusReport {
        let source = self.presence.source.status()
        let wallNow = Date()
        let (health, presenceSource): (String, StatusReport.PresenceSourceStatus) = switch source.health {
        case .reachable:
            ("reachable", .init(reachable: true, unreachableSince: nil, reason: nil, agents: source.agents, outages: source.outages,
                                unknownAgents: source.unknownAgents))
        case .unreachable(let since, let reason):
            ("unreachable: \(reason)",
             .init(reachable: false, unreachableSince: Self.wallDate(of: since, wallNow: wallNow).formatted(.iso8601), reason: reason,
                   agents: source.agents, outages: source.outages, unknownAgents: source.unknownAgents))
        }
        let connections = self.transport.connectionCounters
        let trunks = self.trunks.states.map { trunk in
            StatusReport.TrunkStatus(name: trunk.name, up: trunk.isUp,
                                     since: (self.epoch + TimeInterval(trunk.since.components.seconds)).formatted(.iso8601))
        }
        let listeners = self.transport.listeners.map {
            StatusReport.ListenerStatus(transport: $0.transport.rawValue, address: $0.host, port: $0.port)
        }
        return StatusReport(
            version: SwitchboardVersion.current, startedAt: self.epoch.formatted(.iso8601),
            uptimeSeconds: (wallNow.timeIntervalSince(self.epoch) * 1_000).rounded() / 1_000, listeners: listeners,
            calls: counts.calls, waitingCalls: counts.waitingCalls, refusedForTransactionCapacity: counts.refusedForTransactionCapacity,
            dialogs: counts.dialogs, serverTransactions: counts.serverTransactions,
            clientTransactions: counts.clientTransactions, draining: counts.draining, presence: health,
            presenceSource: presenceSource,
            presenceRequests: .init(sent: source.requestsSent, throttled: source.requestsThrottled, failed: source.requestsFailed),
            connections: .init(accepted: connections.accepted, opened: connections.opened,
                               refused: .init(unknownPeer: connections.refusedUnknownPeer, totalLimit: connections.refusedTotalLimit,
                                              peerLimit: connections.refusedPeerLimit),
                               closedIdle: connections.closedIdle, closedIncompleteMessage: connections.closedIncompleteMessage,
                               open: connections.open),
            trunks: trunks,
            refusedNewCalls: .init(capacity: counts.refusedNewCalls[NewCallRefusal.capacityReached.rawValue, default: 0],
                                   overload: counts.refusedNewCalls[NewCallRefusal.overloaded.rawValue, default: 0]),
            overloaded: counts.overloaded, holdStreams: counts.holdStreams)
    }

    /// The wall-clock date of a monotonic instant.
    private static func wallDate(of instant: ContinuousClock.Instant, wallNow: Date) -> Date {
        let (seconds, attoseconds) = (ContinuousClock.now - instant).components
        return wallNow.addingTimeInterval(-(Double(seconds) + Double(attoseconds) / 1e18))
    }
}
