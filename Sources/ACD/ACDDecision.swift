/// An output of the engine: what the daemon must do, or what it should record.
public enum ACDDecision: Hashable, Sendable {
    /// The caller waits in `queue` at `position` (1 is next); `ewt` is `nil` when no agent staffs it.
    case queued(CallID, queue: QueueID, position: Int, ewt: Duration?)
    /// Ring these agents for this caller (more offers for the same call add agents).
    case offer(ACDOffer)
    /// Stop ringing these agents for this caller.
    case cancelOffer(CallID, agents: [AgentID], reason: CancelReason)
    /// The caller leaves `from` for `target`.
    case overflow(CallID, from: QueueID, reason: OverflowReason, target: OverflowTarget)
    /// The caller becomes a callback entry of `queue` at `position`, called back on `callback`'s terms.
    case callbackAccepted(CallID, queue: QueueID, position: Int, callback: CallbackConfiguration)
    /// The callback entry waits at its place for attempt `attempt` (2 or more), offered again from `at`.
    case callbackRetry(CallID, queue: QueueID, attempt: Int, at: ACDInstant)
    /// The engine changed an agent's status (RONA); persist it like a supervisor's change.
    case agentStatusChanged(AgentID, AgentStatus)
    /// The caller's single final outcome; the engine forgets the call afterwards.
    case callerFinished(CallID, CallerOutcome)
    /// The event referred to something the engine does not know, or no longer cares about.
    case ignored(IgnoredEvent)
}
