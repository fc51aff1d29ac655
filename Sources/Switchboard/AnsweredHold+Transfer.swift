import B2BUA
import MediaTransport

/// Anchored media when the agent transfers the caller: the caller's stream leaves the bridge, the
/// agent's closes, and the caller hears the queue's music on hold until the next party is bridged.
extension AnsweredHold {
    func unbridge(_ callID: CallID, requeuedTo queue: String?) {
        guard anchorsMedia, let caller = callers[callID], case .open = streams[callID] else { return }
        stopAgentLegs(callID, except: nil)
        engine.unbridgingStream(MediaStreamID(callID)).whenFailure { [logger] error in
            logger.warning("media not unbridged", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        if let music = queues[queue ?? caller.queue]?.music { changeMusic(callID, to: music) }
        if let queue { restartAnnouncements(callID, queue: queue) }
        logger.info("media unbridged", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue ?? caller.queue)"])
    }
}
