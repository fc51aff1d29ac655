import ACD
import B2BUA
import CallStore
import Foundation
import Logging

/// A callback entry read from the store at start-up, with its call's open record and how many offers
/// of the call are stored already.
struct KeptCallback {
    var pending: PendingCallback
    var record: CallDetailRecord
    var offers: Int
}

/// Pending callbacks across a restart: read before any call, each handed to the router of the shard
/// that owns its Call-ID (a call awaiting an agent, with no caller's leg) and then fed to the engine at
/// its place, before the first offer. An entry whose queue is gone, or no longer offers callbacks,
/// ends as `released` (`480`, recorded); one whose `maxWaitSeconds` passed leaves by that rule.
extension SwitchboardCoordinator {
    /// The pending callbacks of the store with their records and stored offers (records the store
    /// cannot find are left to the next start's closing).
    static func keptCallbacks(in store: SQLiteStore) throws -> [KeptCallback] {
        try store.pendingCallbacks().compactMap { pending in
            let query = CallRecordQuery(from: pending.arrivedAt, to: pending.arrivedAt.addingTimeInterval(0.001), number: pending.callerNumber)
            guard let record = try store.callRecords(matching: query).first(where: { $0.callID == pending.callID }) else { return nil }
            return KeptCallback(pending: pending, record: record, offers: try store.offerAttempts(callID: pending.callID, arrivedAt: pending.arrivedAt).count)
        }
    }

    /// Restores the kept entries: first the calls on their shards, then the engine and the recorder.
    static func restore(_ kept: [KeptCallback], configuration: ACDConfiguration, shards: [Shard], hub: DistributionHub,
                        logger: Logger) async throws {
        guard !kept.isEmpty else { return }
        let terms = Dictionary(configuration.queues.compactMap { queue in queue.callback.map { (queue.id.rawValue, $0) } },
                               uniquingKeysWith: { first, _ in first })
        for shard in shards {
            let owned = kept.filter { CallPlacement.shard(of: $0.pending.callID, among: shards.count) == shard.index }
            guard !owned.isEmpty else { continue }
            try await shard.eventLoop.submit {
                for entry in owned { shard.router.restoreCallback(restoredCall(entry.pending, terms: terms[entry.pending.queue])) }
            }.get()
        }
        try await hub.eventLoop.submit {
            for entry in kept { hub.distributor.recorder?.restore(entry.pending, record: entry.record, offers: entry.offers) }
            let (restored, released) = hub.distributor.restore(callbacks: kept.map { engineEntry($0.pending) })
            logger.notice("pending callbacks restored", metadata: ["store.callbacks": "\(restored)", "store.callbacks_released": "\(released)"])
        }.get()
    }

    /// The router's call of a stored entry, rung on `terms` (none: the entry is released before any offer).
    static func restoredCall(_ pending: PendingCallback, terms: CallbackConfiguration?) -> RestoredCallback {
        RestoredCallback(callID: pending.callID, queue: pending.queue, callerNumber: pending.callerNumber, dialedNumber: pending.dialedNumber,
                         trunk: pending.trunk, attempts: pending.attempts, ringTimeout: terms?.ringTimeout ?? .zero)
    }

    /// The engine's entry of a stored one.
    static func engineEntry(_ pending: PendingCallback) -> CallbackEntry {
        let instant = { (date: Date) in ACDInstant(nanosecondsSinceEpoch: date.unixMilliseconds * 1_000_000) }
        return CallbackEntry(callID: ACD.CallID(pending.callID), queue: QueueID(pending.queue), callerNumber: pending.callerNumber,
                             priority: pending.priority, requiredSkills: pending.requiredSkills, placeTakenAt: instant(pending.placeTakenAt),
                             enteredQueueAt: instant(pending.enteredQueueAt), attempts: pending.attempts,
                             nextAttemptAt: pending.nextAttemptAt.map(instant))
    }
}

extension SwitchboardCoordinator {
    /// After the drain: the engine makes no offer any more (as while the trunk is down), so no agent
    /// is rung for a callback entry by a daemon about to stop; the entries wait in the store.
    public func stopOffers() async throws {
        try await hub.eventLoop.submit {
            self.hub.deliver(self.hub.distributor.handle(.offersSuspended(true), now: self.hub.distributor.wheel.now))
        }.get()
    }
}
