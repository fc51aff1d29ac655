import Logging
import SIPCore
import SIPStack

/// New calls refused before any state exists: at the concurrent-call limit, and while the daemon is
/// behind on what it received (``OverloadGuard``).
extension CallRouter: NewCallAdmission {
    /// `Capacity Reached` at the concurrent-call limit, `Overloaded` while behind, otherwise `nil`.
    public func refusal(for invite: SIPRequest) -> String? {
        if sessions.count >= context.configuration.maximumConcurrentCalls { return "Capacity Reached" }
        guard let inboundBacklog else { return nil }
        let backlog = inboundBacklog()
        let wasOverloaded = overload.isOverloaded
        if overload.observe(backlog, now: now) {
            context.logger.warning("overloaded: new calls get 503 while the receive backlog is high",
                                   metadata: ["sip.backlog_bytes": "\(backlog.queuedBytes)", "sip.buffer_bytes": "\(backlog.capacityBytes)"])
        }
        if wasOverloaded, !overload.isOverloaded {
            context.stack.timerWheel.schedule(after: OverloadGuard.quietPeriod) { [weak self] in self?.logEndOfOverload() }
        }
        guard overload.isOverloaded else { return nil }
        overload.refused()
        return "Overloaded"
    }

    /// Logs an overload episode that is over, once.
    private func logEndOfOverload() {
        guard let episode = overload.endedEpisode(now: now) else { return }
        context.logger.notice("no longer overloaded: new calls are admitted again", metadata: [
            "sip.refused": "\(episode.refused)", "sip.overload_seconds": "\((now - episode.startedAt).components.seconds)",
        ])
    }
}
