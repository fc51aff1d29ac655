import ACD
import ControlAPI
import ControlModel

extension ControlDesk {
    /// Every agent, in configuration order.
    func agents() -> [AgentView] {
        let statistics = engine.statistics.agents
        return engine.agentIDs.compactMap { agentView($0, statistics: statistics[$0]) }
    }

    /// One agent.
    func agent(_ name: String) throws -> AgentView {
        let id = AgentID(name)
        guard let view = agentView(id, statistics: engine.statistics.agents[id]) else { throw ControlError.notFound(field: "agent", value: name) }
        return view
    }

    private func agentView(_ id: AgentID, statistics: AgentStatistics?) -> AgentView? {
        let now = now
        guard let snapshot = engine.agent(id), let routability = engine.routability(of: id, now: now) else { return nil }
        let (status, breakReason): (String, String?) = switch snapshot.status {
        case .available: ("available", nil)
        case .loggedOut: ("loggedOut", nil)
        case .onBreak(let reason): ("onBreak", reason.rawValue)
        }
        let (state, callID, wrapUpEnds): (String, String?, ACDInstant?) = switch snapshot.state {
        case .idle: ("idle", nil, nil)
        case .reserved(let call): ("reserved", call.rawValue, nil)
        case .offering(let call): ("offering", call.rawValue, nil)
        case .onCall(let call): ("onCall", call.rawValue, nil)
        case .wrapUp(let until): ("wrapUp", nil, until)
        }
        let presence = snapshot.presence.map { presence in
            let observed = snapshot.presenceObservedAt ?? now
            return PresenceView(availability: presence.availability.rawValue, activity: presence.activity.graphValue,
                                observedAt: Self.iso(observed.date), ageSeconds: Self.seconds(now - observed))
        }
        let queues = routability.map { AgentQueueView(queue: $0.queue.rawValue, routable: $0.blockedBy == nil, reason: $0.blockedBy.map(ReasonView.init)) }
        let statistics = statistics ?? AgentStatistics()
        return AgentView(
            id: id.rawValue, number: distributor.configuration.agents.first { $0.id == id }?.number ?? "", status: status,
            breakReason: breakReason, state: state, callID: callID, wrapUpEndsAt: wrapUpEnds.map { Self.iso($0.date) },
            ronaBreakEndsAt: snapshot.ronaBreakUntil.map { Self.iso($0.date) }, backOffEndsAt: snapshot.backOffUntil.map { Self.iso($0.date) },
            consecutiveMisses: snapshot.consecutiveMisses, presence: presence, callsToday: distributor.answeredToday.count(id.rawValue, at: now.date),
            routable: queues.contains(where: \.routable), why: Self.why(queues), queues: queues,
            statistics: AgentStatisticsView(offered: statistics.offered, answered: statistics.answered, handled: statistics.handled,
                                            ronaBreaks: statistics.ronaBreaks, averageHandleTimeSeconds: statistics.averageHandleTime.map(Self.seconds)))
    }

    /// One line: where the agent can be offered calls, or the reason it cannot (per queue when the
    /// queues differ, as their presence policies may).
    static func why(_ queues: [AgentQueueView]) -> String {
        let open = queues.filter(\.routable).map(\.queue)
        let blocked = queues.filter { !$0.routable }
        if blocked.isEmpty { return "ready for \(open.joined(separator: ", "))" }
        let reasons = blocked.map { $0.reason?.text ?? "" }
        let because = Set(reasons).count == 1 ? reasons[0] : zip(blocked, reasons).map { "\($0.queue): \($1)" }.joined(separator: "; ")
        guard !open.isEmpty else { return because }
        return "ready for \(open.joined(separator: ", ")); not for \(blocked.map(\.queue).joined(separator: ", ")): \(because)"
    }
}
