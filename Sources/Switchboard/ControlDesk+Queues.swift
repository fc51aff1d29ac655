import ACD
import ControlAPI
import ControlModel

extension ControlDesk {
    /// Every queue, in configuration order.
    func queues() -> [QueueView] {
        engine.queueIDs.compactMap(queueView)
    }

    /// One queue.
    func queue(_ name: String) throws -> QueueView {
        guard let view = queueView(QueueID(name)) else { throw ControlError.notFound(field: "queue", value: name) }
        return view
    }

    /// Turns the emergency switch of one queue, or of all, on or off; returns the queues changed.
    func setEmergency(queue name: String?, active: Bool) throws -> [QueueView] {
        guard let name else {
            _ = distributor.supervise(.emergencyChanged(queue: nil, active: active))
            return queues()
        }
        guard engine.queue(QueueID(name), now: now) != nil else { throw ControlError.notFound(field: "queue", value: name) }
        _ = distributor.supervise(.emergencyChanged(queue: QueueID(name), active: active))
        return [try queue(name)]
    }

    private func queueView(_ id: QueueID) -> QueueView? {
        let now = now
        guard let snapshot = engine.queue(id, now: now),
              let configuration = distributor.configuration.queues.first(where: { $0.id == id }) else { return nil }
        let (state, holiday): (String, String?) = switch snapshot.schedule {
        case .open: ("open", nil)
        case .closed: ("closed", nil)
        case .holiday(let name): ("holiday", name)
        case .emergency: ("emergency", nil)
        }
        let waiting = engine.waitingCallers(in: id, now: now).map { caller in
            WaitingCallerView(callID: caller.callID.rawValue, callerNumber: caller.callerNumber, position: caller.position,
                              priority: caller.priority, waitedSeconds: Self.seconds(caller.waited), ewtSeconds: caller.ewt.map(Self.seconds),
                              ringing: caller.ringing.map(\.rawValue))
        }
        let statistics = snapshot.statistics
        return QueueView(
            name: id.rawValue, numbers: configuration.numbers, state: state, holiday: holiday, emergency: snapshot.emergency,
            members: snapshot.members, loggedIn: snapshot.loggedIn, staffed: snapshot.staffed, ready: snapshot.ready,
            ewtSeconds: snapshot.estimatedWait.map(Self.seconds), waiting: waiting,
            statistics: QueueStatisticsView(
                entered: statistics.entered, answered: statistics.answered, abandoned: statistics.abandoned,
                overflowed: statistics.overflowed.values.reduce(0, +),
                serviceLevelThresholdSeconds: Self.seconds(configuration.serviceLevelThreshold),
                serviceLevel: statistics.serviceLevel.map { $0.rounded(toPlaces: 4) },
                averageSpeedOfAnswerSeconds: statistics.averageSpeedOfAnswer.map(Self.seconds),
                averageHandleTimeSeconds: statistics.averageHandleTime.map(Self.seconds),
                abandonRate: statistics.abandonRate.map { $0.rounded(toPlaces: 4) }))
    }
}
