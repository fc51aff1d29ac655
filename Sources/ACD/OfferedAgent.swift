/// An agent to ring, with what the B2BUA needs to build the B-leg.
public struct OfferedAgent: Hashable, Sendable {
    /// The agent.
    public var id: AgentID
    /// The E.164 number for `sip:+E164@sbc;user=phone`.
    public var number: String
    /// The Teams object id.
    public var teamsObjectID: String
}
