/// One agent: a Teams user reached through Direct Routing.
public struct AgentConfiguration: Hashable, Sendable {
    /// The agent's identifier.
    public var id: AgentID
    /// The Teams (Entra ID) object id, used to poll presence.
    public var teamsObjectID: String
    /// The E.164 number the B-leg INVITE targets.
    public var number: String
    /// Skills with proficiency (higher is better); a skill not listed counts as 0.
    public var skills: [String: Int]
    /// Wrap-up after each call, overriding the queue's (still capped by the queue's ceiling).
    public var wrapUp: Duration?

    /// Creates an agent.
    public init(id: AgentID, teamsObjectID: String, number: String, skills: [String: Int] = [:], wrapUp: Duration? = nil) {
        self.id = id
        self.teamsObjectID = teamsObjectID
        self.number = number
        self.skills = skills
        self.wrapUp = wrapUp
    }
}
