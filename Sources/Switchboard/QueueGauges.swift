import ACD
import Metrics

/// The engine's snapshot series, refreshed on each scrape on the loop: per queue the callers
/// waiting, the oldest wait and the service level; agents by state; the age of the newest presence.
final class QueueGauges {
    /// One queue's gauges.
    private struct QueueSeries {
        let waiting: Gauge
        let oldestWait: Gauge
        let serviceLevel: Gauge
    }

    /// The label of each agent state.
    static let states = ["idle", "reserved", "offering", "on_call", "wrap_up"]

    private let factory: any MetricsFactory
    private var queues: [QueueID: QueueSeries] = [:]
    private let agents: [String: Gauge]
    private let presenceAge: Gauge

    /// Gauges for every configured queue and every agent state.
    init(factory: any MetricsFactory, queues: [QueueID]) {
        self.factory = factory
        for queue in queues { self.queues[queue] = Self.series(of: queue, factory: factory) }
        agents = Dictionary(uniqueKeysWithValues: Self.states.map {
            ($0, Gauge(label: "switchboard_agents", dimensions: [("state", $0)], factory: factory))
        })
        presenceAge = Gauge(label: "switchboard_presence_age_seconds", factory: factory)
    }

    private static func series(of queue: QueueID, factory: any MetricsFactory) -> QueueSeries {
        let dimensions = [("queue", queue.rawValue)]
        return QueueSeries(
            waiting: Gauge(label: "switchboard_queue_waiting_callers", dimensions: dimensions, factory: factory),
            oldestWait: Gauge(label: "switchboard_queue_oldest_wait_seconds", dimensions: dimensions, factory: factory),
            serviceLevel: Gauge(label: "switchboard_queue_service_level_ratio", dimensions: dimensions, factory: factory))
    }

    /// Sets every gauge from the engine at `now`; a queue a reload added gets its gauges, a queue it
    /// removed loses them.
    func refresh(from engine: ACDEngine, now: ACDInstant) {
        let current = Set(engine.queueIDs)
        for id in current where queues[id] == nil { queues[id] = Self.series(of: id, factory: factory) }
        for (id, series) in queues where !current.contains(id) {
            series.waiting.destroy()
            series.oldestWait.destroy()
            series.serviceLevel.destroy()
            queues[id] = nil
        }
        let statistics = engine.statistics
        for (id, series) in queues {
            let waiting = engine.waitingCallers(in: id, now: now)
            series.waiting.record(waiting.count)
            series.oldestWait.record(waiting.map(\.waited.inSeconds).max() ?? 0)
            series.serviceLevel.record(statistics.queues[id]?.serviceLevel ?? 1)
        }
        var counts = Dictionary(uniqueKeysWithValues: Self.states.map { ($0, 0) })
        var newestPresence: ACDInstant?
        for id in engine.agentIDs {
            guard let agent = engine.agent(id) else { continue }
            counts[Self.label(of: agent.state), default: 0] += 1
            if let observed = agent.presenceObservedAt, newestPresence.map({ observed > $0 }) ?? true { newestPresence = observed }
        }
        for (state, gauge) in agents { gauge.record(counts[state] ?? 0) }
        presenceAge.record(newestPresence.map { max(.zero, now - $0).inSeconds } ?? 0)
    }

    /// The `state` label of an agent state.
    static func label(of state: AgentState) -> String {
        switch state {
        case .idle: "idle"
        case .reserved: "reserved"
        case .offering: "offering"
        case .onCall: "on_call"
        case .wrapUp: "wrap_up"
        }
    }
}
