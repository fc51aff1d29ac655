import Foundation

extension StoreChange {
    /// `changes` with each call record and each agent status written once, where the first of its
    /// versions stood, as the last version merged the way the store's upsert merges them (every
    /// column from the later version but the caller number, which the first version set; the
    /// dialed number kept when the later one has none). Offers, queue log events and pending
    /// callbacks stay as they are, in their order. Applying the result leaves the store as applying
    /// every change in order would, with fewer writes: a call answered within one flush interval of
    /// its arrival is written once, not twice.
    ///
    /// One pass: a later version is merged into the result where the first one went, so no change
    /// is copied twice (the writer's thread pays a retain for every string of a copy, and the
    /// strings were made on the event loop's core).
    public static func coalescing(_ changes: [StoreChange]) -> [StoreChange] {
        var result: [StoreChange] = []
        result.reserveCapacity(changes.count)
        var calls: [CallKey: Int] = [:]
        var statuses: [String: Int] = [:]
        for change in changes {
            switch change {
            case .call(var record):
                let key = CallKey(callID: record.callID, arrivedAt: record.arrivedAt)
                guard let slot = calls[key], case .call(let earlier) = result[slot] else {
                    calls[key] = result.count
                    result.append(change)
                    continue
                }
                record.callerNumber = earlier.callerNumber
                if record.dialedNumber == nil { record.dialedNumber = earlier.dialedNumber }
                result[slot] = .call(record)
            case .agentStatus(let status):
                if let slot = statuses[status.agent] {
                    result[slot] = change
                } else {
                    statuses[status.agent] = result.count
                    result.append(change)
                }
            case .offer, .queueLog, .callback, .callbackEnded:
                result.append(change)
            }
        }
        return result
    }

    /// A call's identity in the store.
    private struct CallKey: Hashable {
        var callID: String
        var arrivedAt: Date
    }
}
