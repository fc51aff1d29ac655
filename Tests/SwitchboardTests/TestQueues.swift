import ACD

/// The queues of `tests/blackbox/calls.sh`, reduced to what the in-process flows need.
enum TestQueues {
    /// Two agents, a 4 s ring timeout: ring timeouts and refusals.
    static let support = "+15550100"
    /// No agents: callers only wait.
    static let lobby = "+15550110"
    /// One agent, a ring timeout no flow reaches: the target of transfers.
    static let sales = "+15550120"
    /// The support queue's ring timeout.
    static let ringTimeout = Duration.seconds(4)
    /// Agent numbers by id.
    static let numbers: [AgentID: String] = ["alice": "+15550201", "bob": "+15550202", "carol": "+15550203"]

    static let configuration = ACDConfiguration(
        queues: [
            QueueConfiguration(id: "support", numbers: [support], members: [QueueMember(agent: "alice"), QueueMember(agent: "bob")],
                               ringTimeout: ringTimeout),
            QueueConfiguration(id: "lobby", numbers: [lobby], members: []),
            QueueConfiguration(id: "sales", numbers: [sales], members: [QueueMember(agent: "carol")], ringTimeout: .seconds(120)),
        ],
        agents: numbers.keys.sorted().map { AgentConfiguration(id: $0, teamsObjectID: "obj-\($0)", number: numbers[$0] ?? "") }
    )
}
