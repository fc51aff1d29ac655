/// The single final outcome of a call in the ACD.
public enum CallerOutcome: Hashable, Sendable {
    /// Answered by `agent` in `queue` after waiting `wait` there; reported when the call ends.
    case answered(agent: AgentID, queue: QueueID, wait: Duration)
    /// Hung up (or vanished) in `queue` after waiting `wait` there.
    case abandoned(queue: QueueID, wait: Duration)
    /// A callback entry of `queue` whose caller answered none of `attempts` calls back.
    case callbackFailed(queue: QueueID, attempts: Int)
    /// Left `queue` for a number or a hang-up.
    case overflowed(queue: QueueID, reason: OverflowReason, target: OverflowTarget)
}
