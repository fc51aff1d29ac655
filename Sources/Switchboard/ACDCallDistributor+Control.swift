import ACD

/// The supervisor's way into the engine, for the control API (on the router's loop).
extension ACDCallDistributor {
    /// The engine's clock now.
    var engineNow: ACDInstant { epoch + wheel.now }

    /// Feeds a supervisor's event (status changes, withdraw, priority, emergency): the decisions it
    /// causes go to the call store, the metrics and the router's mailbox; returns what the engine ignored.
    func supervise(_ event: ACDEvent) -> [IgnoredEvent] {
        let now = engineNow
        let decisions = engine.handle(event, now: now)
        let ignored = decisions.compactMap { decision in
            if case .ignored(let ignored) = decision { ignored } else { nil }
        }
        if ignored.isEmpty { recorder?.observe(supervisorEvent: event, at: Self.date(now)) }
        if case .reprioritize(let callID, _) = event { keepCallback(callID.rawValue) }
        deliver(decisions, at: now)
        return ignored
    }
}

extension ACDCallDistributor {
    /// A waiting caller's place in `queue` (1 is next, 0 while an agent rings) and estimated wait, for
    /// the announcements of answered hold; nil once the caller no longer waits there.
    func place(of callID: String, in queue: String) -> (place: Int, estimate: Duration?)? {
        engine.waitingCallers(in: QueueID(queue), now: engineNow).first { $0.callID == ACD.CallID(callID) }
            .map { ($0.position, $0.ewt) }
    }
}
