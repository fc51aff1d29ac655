/// Statistics of every queue and agent: read them to export, pass them back in to survive restarts.
public struct ACDStatistics: Hashable, Sendable, Codable {
    /// Per queue.
    public var queues: [QueueID: QueueStatistics]
    /// Per agent.
    public var agents: [AgentID: AgentStatistics]

    /// Creates statistics, empty by default.
    public init(queues: [QueueID: QueueStatistics] = [:], agents: [AgentID: AgentStatistics] = [:]) {
        self.queues = queues
        self.agents = agents
    }
}
