import TeamsPresence

/// An input to the engine: something the B2BUA, an agent, a supervisor or the presence poller did.
public enum ACDEvent: Hashable, Sendable {
    /// A caller reached a queue number.
    case callerArrived(CallerArrival)
    /// The caller hung up before being answered.
    case callerAbandoned(CallID)
    /// The caller pressed the queue's exit key.
    case callerPressedExitKey(CallID)
    /// The caller pressed the queue's callback key: they hang up and keep their place (a callback entry).
    case callbackRequested(CallID)
    /// The caller of a callback entry answered the call back: the call is connected to its agent.
    case callbackConnected(CallID)
    /// The call back to the caller of a callback entry was not answered: the agent is free again and
    /// the caller waits at their place for the next attempt, or the callback fails.
    case callbackUnanswered(CallID)
    /// A callback entry kept across a restart (from the store), taken back at its place before any
    /// offer; one whose queue's `maxWait` has passed leaves by that rule.
    case callbackRestored(CallbackEntry)
    /// The agent's leg is ringing (180/183): the agent goes from reserved to offering.
    case offerRinging(CallID, agent: AgentID)
    /// The agent answered: the legs are bridged.
    case offerAnswered(CallID, agent: AgentID)
    /// The offer to this agent failed.
    case offerFailed(CallID, agent: AgentID, reason: OfferFailureReason)
    /// Either side of an answered call hung up.
    case callEnded(CallID)
    /// The agent or a supervisor changed the agent's status.
    case agentStatusChanged(AgentID, AgentStatus)
    /// A status kept across a restart (from the store): applied like ``agentStatusChanged(_:_:)``,
    /// and a break that was to end by itself (RONA) still ends at `breakUntil`.
    case agentStatusRestored(AgentID, AgentStatus, breakUntil: ACDInstant?)
    /// The presence poller observed the agent's Teams presence at `observedAt`.
    case presenceChanged(AgentID, TeamsPresence, observedAt: ACDInstant)
    /// The agent ended wrap-up early.
    case wrapUpEnded(AgentID)
    /// The periodic check against the B2BUA: every call not in the set is over.
    case reconcile(liveCalls: Set<CallID>)
    /// A supervisor withdraws a caller, to `target` or to the queue's withdrawn target.
    case withdraw(CallID, target: OverflowTarget?)
    /// A supervisor changes a caller's priority (higher is served first).
    case reprioritize(CallID, priority: Int)
    /// The trunk the offers go through went down (`true`: no offer is made, callers keep waiting,
    /// their queues' max-wait rules still apply) or came back up (`false`: waiting callers are offered).
    case offersSuspended(Bool)
    /// The emergency switch of one queue, or of every queue when `queue` is `nil`.
    case emergencyChanged(queue: QueueID?, active: Bool)
}
