/// The single final outcome of a call in the ACD.
public enum CallerOutcome: Hashable, Sendable {
    /// Answered by `agent` in `queue` after waiting `wait` there; reported when the call ends.
    case answered(agent: AgentID, queue: QueueID, wait: Duration)
    /// Hung up (or vanished) in `queue` after waiting `wait` there.
    case abandoned(queue: QueueID, wait: Duration)
    /// Left `queue` for a number or a hang-up.
    case overflowed(queue: QueueID, reason: OverflowReason, target: OverflowTarget)
}
