import ACD
import CallStore
import Foundation

/// Pending callbacks in the store: an entry is written once its caller has left, rewritten when the
/// engine changes it, and deleted when its call back connects or its call ends; after a restart the
/// recorder follows a restored entry's call from its stored record on.
extension CallRecorder {
    /// Stores the engine's `entry` with the number dialled and the caller's source.
    func keepCallback(_ entry: CallbackEntry, dialedNumber: String, trunk: String) {
        update(entry.callID.rawValue) { call in
            let pending = PendingCallback(
                callID: entry.callID.rawValue, arrivedAt: call.record.arrivedAt, queue: entry.queue.rawValue, callerNumber: entry.callerNumber,
                dialedNumber: dialedNumber, trunk: trunk, priority: entry.priority, requiredSkills: entry.requiredSkills,
                placeTakenAt: ACDCallDistributor.date(entry.placeTakenAt), enteredQueueAt: ACDCallDistributor.date(entry.enteredQueueAt),
                originalPosition: call.originalPosition, attempts: entry.attempts, nextAttemptAt: entry.nextAttemptAt.map(ACDCallDistributor.date))
            call.pendingCallback = pending
            writer.append(.callback(pending))
        }
    }

    /// Stores a kept entry again as the engine holds it now.
    func keepCallback(_ entry: CallbackEntry) {
        guard let kept = calls[entry.callID.rawValue]?.pendingCallback else { return }
        keepCallback(entry, dialedNumber: kept.dialedNumber, trunk: kept.trunk)
    }

    /// Whether the call's callback entry is in the store.
    func keepsCallback(_ callID: String) -> Bool {
        calls[callID]?.pendingCallback != nil
    }

    /// Deletes the call's stored entry, if any (its call back connected, or the call ended).
    func forgetCallback(of call: inout LiveCall) {
        guard let pending = call.pendingCallback else { return }
        writer.append(.callbackEnded(callID: pending.callID, arrivedAt: pending.arrivedAt))
        call.pendingCallback = nil
    }

    /// Follows a stored entry's call again after a restart: its open `record` goes on from where it
    /// stood, and its next offer takes the sequence after the `offers` already stored.
    func restore(_ pending: PendingCallback, record: CallDetailRecord, offers: Int) {
        var call = LiveCall(record: record, originalPosition: pending.originalPosition, enteredQueueAt: pending.enteredQueueAt,
                            nextSequence: offers + 1)
        call.callbackAttempts = pending.attempts
        call.pendingCallback = pending
        calls[pending.callID] = call
    }
}
