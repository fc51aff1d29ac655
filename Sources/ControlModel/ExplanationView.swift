/// Who could take a waiting caller's call now, and why every other member of the queue could not
/// (`GET /v1/calls/{call}/explain`).
public struct ExplanationView: Codable, Equatable, Sendable {
    /// The caller's call.
    public var callID: String
    /// The queue the caller waits in.
    public var queue: String
    /// Eligible members, best first.
    public var candidates: [String]
    /// Members that cannot take the call now, each with the first reason found.
    public var skipped: [SkippedAgentView]

    /// Creates an explanation view.
    public init(callID: String, queue: String, candidates: [String], skipped: [SkippedAgentView]) {
        self.callID = callID
        self.queue = queue
        self.candidates = candidates
        self.skipped = skipped
    }
}

/// A member skipped for a caller, and why.
public struct SkippedAgentView: Codable, Equatable, Sendable {
    /// The agent.
    public var agent: String
    /// Why.
    public var reason: ReasonView

    /// Creates an entry.
    public init(agent: String, reason: ReasonView) {
        self.agent = agent
        self.reason = reason
    }
}
