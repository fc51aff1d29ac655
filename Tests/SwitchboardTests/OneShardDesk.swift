import ControlAPI
import ControlModel
import Foundation
@testable import Switchboard

/// The control desk as `SwitchboardControl` composes it, on one loop: the engine's reads and
/// actions (``ControlDesk``) with the calls of one router, the harness's.
struct OneShardDesk {
    let desk: ControlDesk
    let harness: CallHarness

    init(_ harness: CallHarness) {
        desk = ControlDesk(distributor: harness.distributor)
        self.harness = harness
    }

    private var epoch: Date { harness.distributor.epoch.date }

    private func snapshot(_ id: String) throws -> ShardCallSnapshot {
        guard let snapshot = ShardCallSnapshot(id, in: harness.router, epoch: epoch) else { throw ControlError.notFound(field: "call", value: id) }
        return snapshot
    }

    func calls() -> [CallView] {
        harness.router.callSnapshots.map { ControlDesk.callView(ShardCallSnapshot(call: $0, now: harness.router.now, epoch: epoch)) }
    }

    func call(_ id: String) throws -> CallView { ControlDesk.callView(try snapshot(id)) }

    func explain(call id: String) throws -> ExplanationView {
        if let explanation = desk.explanation(call: id) { return explanation }
        throw ControlDesk.notWaiting(id, state: try snapshot(id).call.state)
    }

    func perform(_ action: CallAction, call id: String) throws -> ActionResult {
        let state = try snapshot(id).call.state
        if case .hangUp = action, harness.router.hangUpAnswered(id) { return ControlDesk.hungUp(id) }
        return try desk.perform(action, call: id, state: state)
    }

    func perform(_ action: AgentAction, agent id: String) throws -> AgentView { try desk.perform(action, agent: id) }
    func agents() -> [AgentView] { desk.agents() }
    func agent(_ id: String) throws -> AgentView { try desk.agent(id) }
    func queues() -> [QueueView] { desk.queues() }
    func queue(_ name: String) throws -> QueueView { try desk.queue(name) }
    func setEmergency(queue: String?, active: Bool) throws -> [QueueView] { try desk.setEmergency(queue: queue, active: active) }
}
