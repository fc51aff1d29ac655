import Foundation

extension StoreChange {
    /// `changes` with each call record and each agent status written once, where the first of its
    /// versions stood, as the last version merged the way the store's upsert merges them (every
    /// column from the later version but the caller number, which the first version set; the
    /// dialed number kept when the later one has none). Offers, queue log events and pending
    /// callbacks stay as they are, in their order. Applying the result leaves the store as applying
    /// every change in order would, with fewer writes: a call answered within one flush interval of
    /// its arrival is written once, not twice.
    public static func coalescing(_ changes: [StoreChange]) -> [StoreChange] {
        var calls: [CallKey: CallDetailRecord] = [:]
        var statuses: [String: AgentStatusRecord] = [:]
        var snapshots = 0
        for change in changes {
            switch change {
            case .call(var record):
                let key = CallKey(callID: record.callID, arrivedAt: record.arrivedAt)
                if let earlier = calls[key] {
                    record.callerNumber = earlier.callerNumber
                    if record.dialedNumber == nil { record.dialedNumber = earlier.dialedNumber }
                }
                calls[key] = record
                snapshots += 1
            case .agentStatus(let status):
                statuses[status.agent] = status
                snapshots += 1
            case .offer, .queueLog, .callback, .callbackEnded:
                break
            }
        }
        guard calls.count + statuses.count < snapshots else { return changes }
        var result: [StoreChange] = []
        result.reserveCapacity(changes.count - snapshots + calls.count + statuses.count)
        for change in changes {
            switch change {
            case .call(let record):
                if let merged = calls.removeValue(forKey: CallKey(callID: record.callID, arrivedAt: record.arrivedAt)) {
                    result.append(.call(merged))
                }
            case .agentStatus(let status):
                if let latest = statuses.removeValue(forKey: status.agent) { result.append(.agentStatus(latest)) }
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
