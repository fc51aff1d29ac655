import B2BUA
import ControlAPI
import ControlModel
import NIOCore

/// The control API's surface over the running daemon, submitted from the HTTP server's threads:
/// queues, agents and supervisor actions run on the engine's loop; calls are read on their shards'
/// loops (every shard's for the list, the owning shard's for one call) and acted on there and in
/// the engine.
public struct SwitchboardControl: ControlSurface {
    private let coordinator: SwitchboardCoordinator
    private let desk: ControlDesk
    private let drainTrigger: DrainTrigger
    private let reloader: ConfigurationReloader
    private let history: CallHistory

    /// The surface of `coordinator`; `drain` is told of `POST /v1/drain`, `reloader` does `POST /v1/reload`.
    public init(coordinator: SwitchboardCoordinator, drain: DrainTrigger, reloader: ConfigurationReloader) {
        self.coordinator = coordinator
        desk = ControlDesk(distributor: coordinator.distributor)
        drainTrigger = drain
        self.reloader = reloader
        history = CallHistory(store: coordinator.store)
    }

    /// See ``ControlSurface/status()``.
    public func status() async throws -> StatusReport { try await coordinator.statusReport() }
    /// See ``ControlSurface/metrics()``.
    public func metrics() async throws -> String { try await coordinator.metricsText() }
    /// See ``ControlSurface/queues()``.
    public func queues() async throws -> [QueueView] { try await onLoop { $0.queues() } }
    /// See ``ControlSurface/queue(_:)``.
    public func queue(_ name: String) async throws -> QueueView { try await onLoop { try $0.queue(name) } }
    /// See ``ControlSurface/setEmergency(queue:active:)``.
    public func setEmergency(queue: String?, active: Bool) async throws -> [QueueView] {
        try await onLoop { try $0.setEmergency(queue: queue, active: active) }
    }
    /// See ``ControlSurface/agents()``.
    public func agents() async throws -> [AgentView] { try await onLoop { $0.agents() } }
    /// See ``ControlSurface/agent(_:)``.
    public func agent(_ id: String) async throws -> AgentView { try await onLoop { try $0.agent(id) } }
    /// See ``ControlSurface/perform(_:agent:)``.
    public func perform(_ action: AgentAction, agent id: String) async throws -> AgentView {
        try await onLoop { try $0.perform(action, agent: id) }
    }
    /// See ``ControlSurface/calls()``: every shard's calls, oldest first.
    public func calls() async throws -> [CallView] {
        let held = try await onShards { shards in try await shards.onEveryShard { shard in
            shard.router.callSnapshots.map { ShardCallSnapshot(call: $0, now: shard.router.now, epoch: shard.epoch.date) }
        } }
        return held.joined().sorted { ($0.arrivedAt, $0.call.callID) < ($1.arrivedAt, $1.call.callID) }.map(ControlDesk.callView)
    }
    /// See ``ControlSurface/call(_:)``.
    public func call(_ id: String) async throws -> CallView {
        ControlDesk.callView(try await snapshot(id))
    }
    /// See ``ControlSurface/explain(call:)``.
    public func explain(call id: String) async throws -> ExplanationView {
        if let explanation = try await onLoop({ $0.explanation(call: id) }) { return explanation }
        throw ControlDesk.notWaiting(id, state: try await snapshot(id).call.state)
    }
    /// See ``ControlSurface/perform(_:call:)``: an answered call is hung up on its shard; a waiting
    /// caller is acted on through the engine, which owns waiting callers.
    public func perform(_ action: CallAction, call id: String) async throws -> ActionResult {
        let (state, hungUp) = try await onShards { shards in try await shards.onShard(owning: id) { shard -> (CallSnapshot.State?, Bool) in
            guard let snapshot = shard.router.callSnapshot(id) else { return (nil, false) }
            if case .hangUp = action { return (snapshot.state, shard.router.hangUpAnswered(id)) }
            return (snapshot.state, false)
        } }
        guard let state else { throw ControlError.notFound(field: "call", value: id) }
        if hungUp { return ControlDesk.hungUp(id) }
        return try await onLoop { try $0.perform(action, call: id, state: state) }
    }

    /// A call on its shard, or 404.
    private func snapshot(_ id: String) async throws -> ShardCallSnapshot {
        guard let snapshot = try await onShards({ shards in try await shards.onShard(owning: id) { ShardCallSnapshot(id, in: $0.router, epoch: $0.epoch.date) } }) else {
            throw ControlError.notFound(field: "call", value: id)
        }
        return snapshot
    }

    /// See ``ControlSurface/drain()``.
    public func drain() async throws -> ActionResult {
        drainTrigger.request()
        return ActionResult(action: "drain", callID: nil,
                            message: "draining: new calls get 503; switchboardd stops once the calls in progress end")
    }

    /// See ``ControlSurface/reload()``.
    public func reload() async throws -> ActionResult {
        do {
            return ActionResult(action: "reload", callID: nil, message: try await reloader.reload())
        } catch let refusal as ReloadRefusal {
            throw ControlError.conflict(field: nil, message: "reload refused: \(refusal)")
        } catch let error as EventLoopError {
            throw ControlError.unavailable("switchboardd is stopping (\(error))")
        }
    }

    /// See ``ControlSurface/callRecords(_:)``: read from the call store off the event loop.
    public func callRecords(_ filter: CallRecordFilter) async throws -> [CallRecordView] { try await history.records(filter) }
    /// See ``ControlSurface/queueLog(_:)``: read from the call store off the event loop.
    public func queueLog(_ query: QueueLogQuery) async throws -> [QueueLogEntryView] { try await history.queueLog(query) }

    /// Runs `body` on the engine's loop.
    private func onLoop<Value: Sendable>(_ body: @escaping @Sendable (ControlDesk) throws -> Value) async throws -> Value {
        let desk = desk
        return try await onShards { coordinator in try await coordinator.hub.eventLoop.submit { try body(desk) }.get() }
    }

    /// Runs `body` with the coordinator, whose loops may be shut down already.
    private func onShards<Value: Sendable>(_ body: (SwitchboardCoordinator) async throws -> Value) async throws -> Value {
        do {
            return try await body(coordinator)
        } catch let error as EventLoopError {
            throw ControlError.unavailable("switchboardd is stopping (\(error))")
        }
    }
}
