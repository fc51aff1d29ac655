import B2BUA

/// A minimal "who gets this call" for the call flow until the ACD engine is wired in: FIFO callers per
/// queue, the configured agent idle longest gets the next offer, and an agent is eligible when
/// switchboardd itself is not ringing or connecting them and their wrap-up is over.
final class LongestIdleDistributor: CallDistributor {
    private struct Waiting {
        var callID: CallID
        var queue: QueueSettings
        var arrival: Duration
        var triedAgents: Set<String> = []
    }

    private let queues: [String: QueueSettings]
    private let agents: [String: AgentSettings]
    private var idleSince: [String: Duration] = [:]
    private var busyAgents: [String: CallID] = [:]
    private var waiting: [Waiting] = []

    init(configuration: SwitchboardConfiguration) {
        queues = Dictionary(configuration.queues.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        agents = Dictionary(configuration.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for agent in configuration.agents { idleSince[agent.id] = .zero }
    }

    func handle(_ event: DistributionEvent, now: Duration) -> [DistributionDecision] {
        switch event {
        case .callerArrived(let callID, let queueName, _):
            guard let queue = queues[queueName] else { return [.release(callID, statusCode: 404, reason: "No such queue")] }
            waiting.append(Waiting(callID: callID, queue: queue, arrival: now))
        case .callerAbandoned(let callID):
            waiting.removeAll { $0.callID == callID }
            release(agentOf: callID, now: now, wrapUp: .zero)
        case .offerAnswered(let callID, _):
            waiting.removeAll { $0.callID == callID }
        case .offerFailed(let callID, let agentID, _):
            if busyAgents[agentID] == callID {
                busyAgents[agentID] = nil
                idleSince[agentID] = now
            }
            if let index = waiting.firstIndex(where: { $0.callID == callID }) { waiting[index].triedAgents.insert(agentID) }
        case .callEnded(let callID, _):
            let wrapUp = busyAgents.first { $0.value == callID }.flatMap { agent in
                queues.values.first { $0.agents.contains(agent.key) }?.wrapUp
            } ?? .zero
            release(agentOf: callID, now: now, wrapUp: wrapUp)
        }
        return tick(now: now)
    }

    func tick(now: Duration) -> [DistributionDecision] {
        var decisions: [DistributionDecision] = []
        var stillWaiting: [Waiting] = []
        for var caller in waiting {
            if now - caller.arrival >= caller.queue.maximumWait {
                decisions.append(.release(caller.callID, statusCode: 480, reason: "Maximum wait reached"))
                continue
            }
            let isRinging = busyAgents.values.contains(caller.callID)
            if !isRinging, let agent = longestIdle(in: caller.queue, excluding: caller.triedAgents, now: now) {
                busyAgents[agent.id] = caller.callID
                decisions.append(.offer(caller.callID, AgentOffer(agentID: agent.id, number: agent.number), ringTimeout: caller.queue.ringTimeout))
                if caller.triedAgents.count + 1 >= caller.queue.agents.count { caller.triedAgents = [] }
            }
            stillWaiting.append(caller)
        }
        waiting = stillWaiting
        return decisions
    }

    private func release(agentOf callID: CallID, now: Duration, wrapUp: Duration) {
        for (agentID, busyCall) in busyAgents where busyCall == callID {
            busyAgents[agentID] = nil
            idleSince[agentID] = now + wrapUp
        }
    }

    private func longestIdle(in queue: QueueSettings, excluding tried: Set<String>, now: Duration) -> AgentSettings? {
        queue.agents
            .filter { busyAgents[$0] == nil && !tried.contains($0) && (idleSince[$0] ?? .zero) <= now }
            .min { (idleSince[$0] ?? .zero) < (idleSince[$1] ?? .zero) }
            .flatMap { agents[$0] }
    }
}
