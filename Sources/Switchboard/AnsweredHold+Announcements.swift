import B2BUA
import MediaTransport
import YAMLConfiguration

/// The position and wait announcements of answered hold: the first right after the welcome prompt
/// (queued behind it, before the music), then one at each of the queue's periodic occasions.
extension AnsweredHold {
    /// Starts a caller's announcements once their stream is open.
    func startAnnouncements(_ callID: CallID, queue: String, hold: QueueHoldMedia) {
        streams[callID] = .open(Announcements(announcer: HoldAnnouncer(hold), queue: queue))
        announce(callID)
    }

    /// One occasion: the words the caller's place and wait call for, played in front of the music,
    /// and the next occasion on the wheel. Nothing is said while the caller no longer waits in the queue.
    func announce(_ callID: CallID) {
        guard case .open(var announcements?) = streams[callID] else { return }
        if let (place, estimate) = place(callID, announcements.queue) {
            let prompts = announcements.announcer.announce(place: place, estimate: estimate).compactMap { words[$0] }
            if !prompts.isEmpty {
                engine.playing(MediaStreamID(callID), prompts: prompts).whenFailure { [logger] error in
                    logger.debug("announcement not played", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
                }
            }
        }
        announcements.timer = announcements.announcer.interval.map { interval in
            wheel.schedule(after: interval) { [weak self] in self?.announce(callID) }
        }
        streams[callID] = .open(announcements)
    }
}
