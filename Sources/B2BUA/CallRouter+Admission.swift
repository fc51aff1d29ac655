import Logging
import SIPCore
import SIPStack

/// Why a new call is refused before any state exists: the reason phrase of its `503`, which the
/// transaction layer also counts refusals by.
public enum NewCallRefusal: String, Sendable {
    /// At `limits.maximumConcurrentCalls`.
    case capacityReached = "Capacity Reached"
    /// Refused by the ``OverloadGuard``.
    case overloaded = "Overloaded"
}

/// New calls refused before any state exists: at the concurrent-call limit, and while the daemon is
/// behind on what it received (``OverloadGuard``).
extension CallRouter: NewCallAdmission {
    /// `Capacity Reached` when no place is left under the concurrent-call limit, `Overloaded` when
    /// the guard refuses, otherwise `nil`, with a place reserved in the census (compare-and-swap, so
    /// no other shard takes the same last place) that the INVITE's call takes or gives back.
    public func refusal(for invite: SIPRequest) -> String? {
        let census = context.configuration.census
        guard census.reserve(under: context.configuration.maximumConcurrentCalls) else { return NewCallRefusal.capacityReached.rawValue }
        if let inboundBacklog {
            let backlog = inboundBacklog()
            let verdict = overload.admit(backlog, now: now)
            if verdict.episodeStarted {
                context.logger.warning("overloaded: some new calls get 503 while the receive backlog is high",
                                       metadata: ["sip.backlog_bytes": "\(backlog.queuedBytes)", "sip.buffer_bytes": "\(backlog.capacityBytes)"])
                watchForEndOfOverload()
            }
            if verdict.refused {
                census.release()
                return NewCallRefusal.overloaded.rawValue
            }
        }
        reservedPlace = true
        return nil
    }

    /// True unless the router is draining, the concurrent-call limit is reached, or an overload
    /// episode is under way: then a new call's INVITE waits for its parse and `refusal(for:)`.
    public var admitsNewCallsAtOnce: Bool {
        !draining && overload.episode == nil
            && context.configuration.census.callCount < context.configuration.maximumConcurrentCalls
    }

    /// The place `refusal(for:)` reserved for the INVITE being handled, taken by its new call.
    func takeReservedPlace() -> Bool {
        defer { reservedPlace = false }
        return reservedPlace
    }

    /// Gives the reserved place back when the INVITE was refused after its admission (draining, an
    /// unknown number, a full queue, an offer or session timer refused, a loop, a failed RFC 3261
    /// §8.2 check): called once the router has handled each request the transaction layer handed up.
    func releaseUnusedPlace() {
        if takeReservedPlace() { context.configuration.census.release() }
    }

    /// Reads the backlog every quiet period while an episode lasts (new INVITEs may have stopped), and
    /// logs the episode once it is over.
    private func watchForEndOfOverload() {
        context.stack.timerWheel.schedule(after: OverloadGuard.quietPeriod) { [weak self] in
            guard let self else { return }
            if let inboundBacklog = self.inboundBacklog { self.overload.observe(inboundBacklog(), now: self.now) }
            guard let episode = self.overload.endedEpisode(now: self.now) else {
                if self.overload.episode != nil { self.watchForEndOfOverload() }
                return
            }
            self.context.logger.notice("no longer overloaded: new calls are admitted again", metadata: [
                "sip.refused": "\(episode.refused)", "sip.overload_seconds": "\((self.now - episode.startedAt).components.seconds)",
            ])
        }
    }
}
