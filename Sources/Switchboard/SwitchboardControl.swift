import ControlAPI
import ControlModel
import NIOCore

/// The control API's surface over the running daemon: every read and action runs on the SIP event
/// loop (where the engine and the calls live), submitted from the HTTP server's threads.
public struct SwitchboardControl: ControlSurface {
    private let coordinator: SwitchboardCoordinator
    private let desk: ControlDesk
    private let drainTrigger: DrainTrigger
    private let reloader: ConfigurationReloader
    private let history: CallHistory

    /// The surface of `coordinator`; `drain` is told of `POST /v1/drain`, `reloader` does `POST /v1/reload`.
    public init(coordinator: SwitchboardCoordinator, drain: DrainTrigger, reloader: ConfigurationReloader) {
        self.coordinator = coordinator
        desk = ControlDesk(router: coordinator.router, distributor: coordinator.distributor)
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
    /// See ``ControlSurface/calls()``.
    public func calls() async throws -> [CallView] { try await onLoop { $0.calls() } }
    /// See ``ControlSurface/call(_:)``.
    public func call(_ id: String) async throws -> CallView { try await onLoop { try $0.call(id) } }
    /// See ``ControlSurface/explain(call:)``.
    public func explain(call id: String) async throws -> ExplanationView { try await onLoop { try $0.explain(call: id) } }
    /// See ``ControlSurface/perform(_:call:)``.
    public func perform(_ action: CallAction, call id: String) async throws -> ActionResult {
        try await onLoop { try $0.perform(action, call: id) }
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

    private func onLoop<Value: Sendable>(_ body: @escaping @Sendable (ControlDesk) throws -> Value) async throws -> Value {
        let desk = desk
        do {
            return try await coordinator.stack.eventLoop.submit { try body(desk) }.get()
        } catch let error as EventLoopError {
            throw ControlError.unavailable("switchboardd is stopping (\(error))")
        }
    }
}
