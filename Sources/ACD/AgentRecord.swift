import TeamsPresence

/// The engine's live record of one agent.
struct AgentRecord: Sendable {
    /// What the agent is doing, with the links the engine needs.
    enum Activity: Sendable {
        /// Free.
        case idle
        /// Chosen for the caller in `slot`; `offer` identifies this offer for its ring timeout.
        case reserved(slot: Int, offer: UInt64)
        /// Ringing for the caller in `slot`.
        case offering(slot: Int, offer: UInt64)
        /// Talking to the caller in `slot`.
        case onCall(slot: Int)
        /// Wrap-up of a call of `queue` that talked `talk` and ended at `endedAt`.
        case wrapUp(until: ACDInstant, queue: Int, talk: Duration, endedAt: ACDInstant)

        /// The caller slot of a reservation or ringing offer.
        var offerSlot: Int? {
            switch self {
            case .reserved(let slot, _), .offering(let slot, _): slot
            default: nil
            }
        }
    }

    let configuration: AgentConfiguration
    /// Proficiency per interned skill (a skill beyond the end is 0).
    let skills: [Int]
    /// (queue index, member index in that queue's roster) for every queue the agent serves.
    let memberships: [(queue: Int, member: Int)]
    var status: AgentStatus = .loggedOut
    var activity: Activity = .idle
    var presence: TeamsPresence?
    var presenceObservedAt: ACDInstant
    /// The deadline of the agent's single pending staleness check.
    var presenceCheck: ACDInstant?
    /// The longest-idle key: when the last call ended, or when the agent logged in before any call.
    var idleSince: ACDInstant
    var lastCallAnsweredAt: ACDInstant?
    var lastCallEndedAt: ACDInstant?
    var backOffUntil: ACDInstant
    var backOffReason: OfferFailureReason?
    var consecutiveMisses = 0
    /// When the current RONA break ends; `nil` unless the engine put the agent on one.
    var ronaBreakUntil: ACDInstant?
    var statistics: AgentStatistics

    /// The agent's proficiency in interned skill `skill`.
    func level(of skill: Int) -> Int {
        skill < skills.count ? skills[skill] : 0
    }
}
