import ACD
import ControlAPI
import ControlModel

extension ControlDesk {
    /// Changes an agent's status through the engine's supervisor events; an action that would
    /// change nothing is refused (409) with the agent's status, so a script sees it.
    func perform(_ action: AgentAction, agent name: String) throws -> AgentView {
        let id = AgentID(name)
        guard let snapshot = engine.agent(id) else { throw ControlError.notFound(field: "agent", value: name) }
        let onBreak = if case .onBreak = snapshot.status { true } else { false }
        let inWrapUp = if case .wrapUp = snapshot.state { true } else { false }
        switch action {
        case .login:
            try require(snapshot.status == .loggedOut, name, "is already logged in")
            _ = distributor.supervise(.agentStatusChanged(id, .available))
        case .logout:
            try require(snapshot.status != .loggedOut, name, "is already logged out")
            _ = distributor.supervise(.agentStatusChanged(id, .loggedOut))
        case .pause(let reason):
            try require(snapshot.status != .loggedOut, name, "is logged out: log in first")
            try require(snapshot.status != .onBreak(BreakReason(reason)), name, "is already on a break (\(reason))")
            _ = distributor.supervise(.agentStatusChanged(id, .onBreak(BreakReason(reason))))
        case .resume:
            try require(onBreak, name, "is not on a break")
            _ = distributor.supervise(.agentStatusChanged(id, .available))
        case .endBreak:
            try require(onBreak || inWrapUp, name, "is neither on a break nor in wrap-up")
            if onBreak { _ = distributor.supervise(.agentStatusChanged(id, .available)) }
            if inWrapUp { _ = distributor.supervise(.wrapUpEnded(id)) }
        }
        return try agent(name)
    }

    private func require(_ condition: Bool, _ agent: String, _ otherwise: String) throws {
        guard condition else { throw ControlError.conflict(field: "agent", message: "agent \(agent) \(otherwise)") }
    }
}
