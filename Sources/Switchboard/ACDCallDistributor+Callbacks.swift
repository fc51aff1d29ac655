import ACD
import B2BUA
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
    /// metrics and the routers. An entry whose queue is gone, or offers no callback any more, is
    /// released (`480`) instead. Returns how many entries the engine took back and how many were released.
    func restore(callbacks entries: [CallbackEntry]) -> (restored: Int, released: Int) {
        let now = engineNow
        var decisions: [ACDDecision] = [], released: [DistributionDecision] = []
        for entry in entries {
            if configuration.queues.first(where: { $0.id == entry.queue })?.callback == nil {
                released.append(.release(entry.callID.rawValue, statusCode: 480, reason: "Callback no longer offered by \(entry.queue)"))
            } else {
                decisions += engine.handle(.callbackRestored(entry), now: now)
            }
        }
        observe(decisions, at: now)
        rearm()
        sink?.deliver(translate(decisions) + released)
        return (entries.count - released.count, released.count)
    }
}
