import ACD
import CallStore

/// Callback entries kept in the store: written once the caller has left with the number dialled and
/// where the call came from (``B2BUA/DistributionEvent/callbackDialing(_:dialedNumber:trunk:)``),
/// written again whenever the engine changes the entry's place or terms (an unanswered attempt, a
/// move to another queue, a new priority), and fed back to the engine after a restart.
extension ACDCallDistributor {
    /// The caller of a callback entry left: the entry is stored with what its call back needs.
    func keepCallback(_ callID: String, dialedNumber: String, trunk: String) {
        guard let entry = engine.callbackEntry(of: ACD.CallID(callID)) else { return }
        recorder?.keepCallback(entry, dialedNumber: dialedNumber, trunk: trunk)
    }

    /// Stores a kept entry again as the engine holds it now (nothing when it is not kept, or no
    /// longer an entry waiting for its call back).
    func keepCallback(_ callID: String) {
        guard let recorder, recorder.keepsCallback(callID), let entry = engine.callbackEntry(of: ACD.CallID(callID)) else { return }
        recorder.keepCallback(entry)
    }

    /// The kept entries the engine's decisions changed: an attempt went unanswered (attempts, retry
    /// time), or the entry moved to another queue.
    func keepCallbacks(changedBy decisions: [ACDDecision]) {
        for decision in decisions {
            switch decision {
            case .callbackRetry(let callID, _, _, _), .overflow(let callID, _, _, .queue):
                keepCallback(callID.rawValue)
            default:
                continue
            }
        }
    }

    /// Feeds stored entries back to the engine (before any offer), in the order given: their
    /// decisions (an entry whose `maxWait` has passed leaves by that rule) go to the store, the
    /// metrics and the routers.
    func restore(callbacks entries: [CallbackEntry]) {
        let now = engineNow
        var decisions: [ACDDecision] = []
        for entry in entries { decisions += engine.handle(.callbackRestored(entry), now: now) }
        deliver(decisions, at: now)
    }
}
