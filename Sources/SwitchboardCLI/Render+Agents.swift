import ControlModel

extension Render {
    /// `switchboard agents`.
    static func agents(_ agents: [AgentView]) -> String {
        var table = Table("AGENT", "STATUS", "STATE", "PRESENCE", "TODAY", "ROUTABLE", "WHY")
        for agent in agents {
            table.add(agent.id, status(agent), state(agent), presence(agent), "\(agent.callsToday)", Format.yesNo(agent.routable), agent.why)
        }
        return table.render(emptyText: "no agents")
    }

    /// `switchboard agent show ID` and the agent actions.
    static func agent(_ agent: AgentView) -> String {
        var lines: [(String, String)] = [
            ("agent", "\(agent.id) (\(agent.number))"),
            ("status", status(agent)),
            ("state", state(agent)),
            ("presence", presence(agent)),
            ("calls today", "\(agent.callsToday)"),
            ("routable", "\(Format.yesNo(agent.routable)): \(agent.why)"),
        ]
        if let until = agent.ronaBreakEndsAt { lines.append(("RONA break until", until)) }
        if let until = agent.backOffEndsAt { lines.append(("back-off until", until)) }
        lines.append(("missed in a row", "\(agent.consecutiveMisses)"))
        let statistics = agent.statistics
        lines.append(("offers", "\(statistics.offered) offered, \(statistics.answered) answered, \(statistics.ronaBreaks) RONA breaks"))
        lines.append(("AHT", Format.duration(statistics.averageHandleTimeSeconds)))
        var table = Table("QUEUE", "ROUTABLE", "REASON")
        for queue in agent.queues { table.add(queue.queue, Format.yesNo(queue.routable), queue.reason?.text ?? "-") }
        return keyValues(lines) + "\n" + table.render()
    }

    private static func status(_ agent: AgentView) -> String {
        agent.breakReason.map { "\(agent.status) (\($0))" } ?? agent.status
    }

    private static func state(_ agent: AgentView) -> String {
        agent.callID.map { "\(agent.state) \($0)" } ?? agent.state
    }

    private static func presence(_ agent: AgentView) -> String {
        guard let presence = agent.presence else { return "unknown" }
        return "\(presence.availability)/\(presence.activity) (\(Format.duration(presence.ageSeconds)) ago)"
    }
}
