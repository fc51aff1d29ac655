import B2BUA
import MediaTransport

extension AnsweredHold {
    /// The queue engine moved the caller to `queue` (an overflow to a queue, the exit key's among
    /// them): the caller stays answered on the same stream, hears `queue`'s music when it has one
    /// (else the music playing goes on), and is told their place and wait as `queue` says.
    func moved(_ callID: CallID, to queue: String) {
        guard case .open = streams[callID] else { return }
        if let music = queues[queue]?.music { changeMusic(callID, to: music) }
        restartAnnouncements(callID, queue: queue)
    }

    /// The caller's stream plays the music named `music` from now on, from that loop's current position.
    func changeMusic(_ callID: CallID, to music: String) {
        engine.changingMusic(MediaStreamID(callID), to: music).whenFailure { [logger] error in
            logger.debug("music on hold not changed", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
    }

    /// The caller now waits in `queue`: the announcements and periodic prompt of the queue the caller
    /// was in stop, and `queue`'s start as on the caller's arrival (the first announcement at once).
    /// The whisper, with anchored media, is `queue`'s too.
    func restartAnnouncements(_ callID: CallID, queue: String) {
        guard case .open(let announcements) = streams[callID] else { return }
        for timer in [announcements?.timer, announcements?.promptTimer].compactMap(\.self) { wheel.cancel(timer) }
        streams[callID] = .open(nil)
        callers[callID]?.queue = queue
        guard let hold = queues[queue], hold.announces || hold.periodicPrompt != nil else { return }
        startAnnouncements(callID, queue: queue, hold: hold)
    }
}
