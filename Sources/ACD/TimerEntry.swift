/// A time-driven rule waiting in the engine's timer heap.
///
/// Timers are never cancelled: each one re-checks the state it was set for when it fires, and
/// does nothing if that state moved on (lazy deletion keeps every transition O(log n)).
struct TimerEntry: Comparable, Sendable {
    /// What to re-check.
    enum Kind: Sendable {
        /// The agent: wrap-up end, back-off end.
        case agent(Int)
        /// The agent's presence may have gone stale (one pending per agent).
        case presence(agent: Int)
        /// The caller: max wait, tier and skill widening, holds ending.
        case caller(slot: Int, serial: UInt64)
        /// The ring timeout of one offer to one agent.
        case ringTimeout(agent: Int, offer: UInt64)
        /// Ring-progressively: add the next agent for this caller.
        case ringStep(slot: Int, round: UInt64)
        /// The queue's stay policy has been unmet for its max wait with no agent.
        case noAgent(queue: Int)
    }

    /// When the timer fires.
    var deadline: ACDInstant
    /// Insertion order, to fire equal deadlines deterministically.
    var sequence: UInt64
    /// What to re-check.
    var kind: Kind

    static func < (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
    }

    static func == (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
    }
}
