/// The one verdict the ACD sees for an agent: presence, own call state and staleness fused.
///
/// The daemon maps it into the ACD's eligibility; whether ``unknown(_:)`` is routable is the queue's policy.
public enum AgentAvailability: Sendable, Hashable {
    /// The agent may be offered a call now.
    case routable
    /// The agent must not be offered a call.
    case notRoutable(NotRoutableReason)
    /// Nobody knows well enough; the queue's policy decides.
    case unknown(UnknownReason)

    /// Why an agent is not routable.
    public enum NotRoutableReason: Sendable, Hashable {
        /// Switchboard is ringing or talking to the agent, or the agent is in wrap-up.
        case callState(AgentCallState)
        /// Teams presence says the agent cannot take a call.
        case presence(TeamsAvailability, TeamsActivity)
    }

    /// Why an agent's availability is unknown.
    public enum UnknownReason: Sendable, Hashable {
        /// The source has never reported this agent (Graph omits unknown ids).
        case noPresence
        /// The last observation is older than the staleness budget.
        case stale
        /// Graph itself said `PresenceUnknown`, or sent a value this version does not understand.
        case presenceUnknown
        /// The source is unreachable and the unreachable policy's grace period is over.
        case sourceUnreachable
    }
}
