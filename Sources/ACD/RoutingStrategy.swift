/// How a queue picks the agent(s) to offer a waiting caller to.
///
/// Every strategy first narrows the queue's members to the *eligible* ones (status available,
/// state idle, not in a RONA back-off, routable presence for this queue, tier allowed for the
/// caller's wait, skills matching, not declined this call), then ranks them:
///
/// - Agents are always ranked by tier, then penalty, and only then by the strategy's own key.
/// - ``longestIdle`` (the default): longest since the agent's last call ended, across all queues
///   (or since log-in for an agent without a call yet).
/// - ``linear``: the order of ``QueueConfiguration/members``.
/// - ``roundRobin``: member order, starting after the member who was offered the last call of
///   this queue ("round-robin with memory"); agents who were away rejoin at their place in the
///   rotation instead of catching up.
/// - ``fewestCalls`` / ``leastTalkTime``: fewest answered calls / least talk time in this queue
///   since the engine started, ties broken by longest idle.
/// - ``random``: uniformly among the eligible agents of the best tier and penalty.
/// - ``weightedRandom``: like ``random`` with probability proportional to ``QueueMember/weight``.
/// - ``ringAll``: every eligible agent of the allowed tiers rings at once; the first to answer
///   takes the call.
/// - ``ringProgressively(interval:)``: starts with the best agent by longest idle and adds the
///   next one every `interval` while the caller is still ringing (a staggered ring-all).
///
/// The hot path never sorts: each queue keeps its eligible agents in one structure per
/// tier/penalty level, a heap keyed by the strategy's key (ordered strategies) or a Fenwick tree
/// of weights (random strategies), so a selection costs O(log n) in the number of agents.
public enum RoutingStrategy: Hashable, Sendable {
    /// Ring every eligible agent at once.
    case ringAll
    /// Offer in the configured member order.
    case linear
    /// Offer in member order, continuing after the agent who got the previous call.
    case roundRobin
    /// Offer to the agent whose last call ended longest ago (default).
    case longestIdle
    /// Offer to the agent with the fewest answered calls in this queue.
    case fewestCalls
    /// Offer to the agent with the least talk time in this queue.
    case leastTalkTime
    /// Offer to a uniformly random eligible agent.
    case random
    /// Offer to a random eligible agent, proportionally to the member weight.
    case weightedRandom
    /// Ring the best agent, then add one more every `interval` until someone answers.
    case ringProgressively(interval: Duration)

    /// Whether the strategy draws from a Fenwick tree of weights instead of a heap.
    var isSampled: Bool {
        switch self {
        case .random, .weightedRandom: true
        default: false
        }
    }
}
