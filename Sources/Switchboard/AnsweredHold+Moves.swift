import B2BUA
import MediaTransport

extension AnsweredHold {
    /// The queue engine moved the caller to `queue` (an overflow to a queue, the exit key's among
    /// them): the caller stays answered on the same stream, hears `queue`'s music when it has one
    /// (else the music playing goes on), and the announcements follow the caller's place there.
    func moved(_ callID: CallID, to queue: String) {
        guard case .open(var announcements) = streams[callID] else { return }
        if let music = queues[queue]?.music {
            engine.changingMusic(MediaStreamID(callID), to: music).whenFailure { [logger] error in
                logger.debug("music on hold not changed", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
            }
        }
        announcements?.queue = queue
        streams[callID] = .open(announcements)
    }
}
