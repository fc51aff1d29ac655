import B2BUA
import Media
import MediaTransport
import YAMLConfiguration

/// The position and wait announcements of answered hold: the first right after the welcome prompt
/// (queued behind it, before the music), then one at each of the queue's periodic occasions; and the
/// periodic prompt, every interval from the stream's opening.
extension AnsweredHold {
    /// Starts a caller's announcements once their stream is open.
    func startAnnouncements(_ callID: CallID, queue: String, hold: QueueHoldMedia) {
        streams[callID] = .open(Announcements(announcer: HoldAnnouncer(hold), queue: queue))
        if hold.announces { announce(callID) }
        if let prompt = hold.periodicPrompt { schedulePeriodicPrompt(callID, prompt: prompt, every: hold.periodicPromptInterval) }
    }

    /// Plays `prompt` in front of the music every `interval`, while the stream is open.
    private func schedulePeriodicPrompt(_ callID: CallID, prompt: Prompt, every interval: Duration) {
        guard case .open(var announcements?) = streams[callID] else { return }
        announcements.promptTimer = wheel.schedule(after: interval) { [weak self] in
            guard let self, case .open = self.streams[callID] else { return }
            self.play([prompt], to: callID)
            self.schedulePeriodicPrompt(callID, prompt: prompt, every: interval)
        }
        streams[callID] = .open(announcements)
    }

    /// Queues `prompts` on the caller's stream, in front of the music.
    private func play(_ prompts: [Prompt], to callID: CallID) {
        engine.playing(MediaStreamID(callID), prompts: prompts).whenFailure { [logger] error in
            logger.debug("announcement not played", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
    }

    /// One occasion: asks the engine for the caller's place and wait, then announces them. No
    /// occasion is pending meanwhile (`timer` is nil until the answer comes).
    func announce(_ callID: CallID) {
        guard case .open(var announcements?) = streams[callID] else { return }
        announcements.timer = nil
        streams[callID] = .open(announcements)
        let queue = announcements.queue
        place(callID, queue) { [weak self] place in self?.announce(callID, in: queue, at: place) }
    }

    /// The words the caller's place and wait call for, played in front of the music, and the next
    /// occasion on the wheel. Nothing is said while the caller no longer waits in the queue, nor when
    /// the announcements started again meanwhile (a move to another queue, which asked again).
    private func announce(_ callID: CallID, in queue: String, at place: Place?) {
        guard case .open(var announcements?) = streams[callID], announcements.queue == queue, announcements.timer == nil else { return }
        if let (place, estimate) = place {
            let prompts = announcements.announcer.announce(place: place, estimate: estimate).compactMap { words[$0] }
            if !prompts.isEmpty { play(prompts, to: callID) }
        }
        announcements.timer = announcements.announcer.interval.map { interval in
            wheel.schedule(after: interval) { [weak self] in self?.announce(callID) }
        }
        streams[callID] = .open(announcements)
    }
}
