/// Why a caller leaves a queue other than by being answered or hanging up.
public enum OverflowReason: String, Hashable, Sendable, Codable, CaseIterable, CodingKeyRepresentable {
    /// The queue had ``QueueConfiguration/maxCallers`` callers already.
    case full
    /// The caller waited ``QueueConfiguration/maxWait``.
    case timeout
    /// No agent to join or stay for (``QueueConfiguration/joinPolicy``, ``QueueConfiguration/stayPolicy``).
    case noAgents
    /// The estimated wait passed ``QueueConfiguration/ewtThreshold``.
    case ewt
    /// The caller pressed the exit key.
    case exitKey
    /// A supervisor withdrew the caller.
    case withdrawn
    /// The queue's schedule is closed.
    case closed
    /// The queue's schedule has a holiday.
    case holiday
    /// The queue's emergency switch is on.
    case emergency
}
