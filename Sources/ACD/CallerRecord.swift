/// The engine's live record of one caller, from arrival to the final outcome.
struct CallerRecord: Sendable {
    /// Where the caller is.
    enum Phase: Sendable {
        /// In the waiting line.
        case waiting
        /// Out of the line until `until` (after a trunk failure).
        case held(until: ACDInstant)
        /// Waiting for the preferred agent only, until `until`.
        case preferred(agent: Int, until: ACDInstant)
        /// Agents are reserved or ringing (``CallerRecord/offered``).
        case offering
        /// Answered by `agent` at `at`, after waiting `wait` in the queue.
        case connected(agent: Int, at: ACDInstant, wait: Duration)
    }

    let callID: CallID
    /// Unique per caller ever admitted, so timers of a reused slot are recognised as stale.
    let serial: UInt64
    let callerNumber: String
    /// The caller's own skill requirements (interned), before the queue's are merged in.
    let ownNeeds: [SkillNeed]
    var priority: Int
    var queue: Int
    /// The queue's and the caller's requirements, and their interned signature.
    var needs: [SkillNeed] = []
    var signature = 0
    var enteredQueueAt: ACDInstant
    /// The order key: arrival (or the kept position's arrival) and a tie-breaking sequence.
    var order: ACDInstant
    var sequence: UInt64
    /// The line class and token while waiting; token 0 when not in the line.
    var lineClass = 0
    var lineToken: UInt64 = 0
    var phase: Phase = .waiting
    /// Identifies the current offer round (ring-progressively steps belong to one round).
    var offerRound: UInt64 = 0
    /// Agents reserved or ringing for this caller.
    var offered: [Int] = []
    /// Agents who declined this call (603): never offered it again.
    var declinedBy: [Int] = []
    /// Overflow hops from queue to queue so far.
    var hops = 0
    /// The deadline of the caller's single pending check timer.
    var nextCheck: ACDInstant?
    /// A callback entry: the calls back to the caller that went unanswered so far; nil: no callback.
    var callbackAttempts: Int?
    /// A callback entry out of the line until its next attempt (counted in ``QueueRecord/heldCallbacks``).
    var callbackHeld = false
}
