@testable import ACD
import SwitchboardTestKit

/// The kit's seeded generator, under the name every test of this target uses.
typealias SeededGenerator = SwitchboardTestKit.SeededGenerator

/// An engine under test with a mock clock: `advance` moves time and ticks.
struct Harness {
    var engine: ACDEngine
    var now: ACDInstant

    static let start = ACDInstant(secondsSinceEpoch: 1_750_000_000)

    init(_ configuration: ACDConfiguration, seed: UInt64 = 1, start: ACDInstant = Harness.start) throws {
        now = start
        engine = try ACDEngine(configuration: configuration, randomNumberGenerator: SeededGenerator(seed: seed), now: start)
    }

    /// Agents that are available with Available presence, logged in in the given order, `spacing` apart.
    init(_ configuration: ACDConfiguration, readyAgents: [AgentID], spacing: Duration = .seconds(1), seed: UInt64 = 1) throws {
        try self.init(configuration, seed: seed)
        for agent in readyAgents {
            makeReady(agent)
            advance(spacing)
        }
    }

    @discardableResult
    mutating func send(_ event: ACDEvent) -> [ACDDecision] {
        engine.handle(event, now: now)
    }

    @discardableResult
    mutating func advance(_ duration: Duration) -> [ACDDecision] {
        now = now + duration
        return engine.tick(now: now)
    }

    mutating func makeReady(_ agent: AgentID) {
        send(.presenceChanged(agent, .available, observedAt: now))
        send(.agentStatusChanged(agent, .available))
    }

    @discardableResult
    mutating func arrive(_ call: CallID, queue: String = "+100", from number: String? = nil, priority: Int = 0,
                         skills: [String: Int] = [:]) -> [ACDDecision] {
        send(.callerArrived(CallerArrival(callID: call, queue: .number(queue), callerNumber: number ?? "+49\(call)",
                                          priority: priority, requiredSkills: skills)))
    }

    /// Answers and ends the call at once (no talk time).
    @discardableResult
    mutating func complete(_ call: CallID, by agent: AgentID, talk: Duration = .zero) -> [ACDDecision] {
        var decisions = send(.offerAnswered(call, agent: agent))
        if talk > .zero { decisions += advance(talk) }
        return decisions + send(.callEnded(call))
    }
}

/// An agent "a1", "a2", ... with a number and object id derived from its name.
func agent(_ id: AgentID, skills: [String: Int] = [:], wrapUp: Duration? = nil) -> AgentConfiguration {
    AgentConfiguration(id: id, teamsObjectID: "obj-\(id)", number: "+1555\(id)", skills: skills, wrapUp: wrapUp)
}

/// One queue "q" on +100 with the given agents as members (tier 1) and configuration tweaks.
func singleQueue(
    agents ids: [AgentID], strategy: RoutingStrategy = .longestIdle,
    rona: RONAConfiguration = RONAConfiguration(),
    _ tweak: (inout QueueConfiguration) -> Void = { _ in }
) -> ACDConfiguration {
    var queue = QueueConfiguration(id: "q", numbers: ["+100"], strategy: strategy, members: ids.map { QueueMember(agent: $0) })
    tweak(&queue)
    return ACDConfiguration(queues: [queue], agents: ids.map { agent($0) }, rona: rona)
}

extension [ACDDecision] {
    /// The offers, as (call, agents).
    var offers: [(call: CallID, agents: [AgentID])] {
        compactMap { if case .offer(let offer) = $0 { (offer.callID, offer.agents.map(\.id)) } else { nil } }
    }

    /// The agents offered in these decisions, flattened.
    var offeredAgents: [AgentID] { offers.flatMap(\.agents) }

    /// The overflow decisions as (call, reason, target).
    var overflows: [(call: CallID, reason: OverflowReason, target: OverflowTarget)] {
        compactMap { if case .overflow(let call, _, let reason, let target) = $0 { (call, reason, target) } else { nil } }
    }

    /// The final outcomes.
    var outcomes: [(call: CallID, outcome: CallerOutcome)] {
        compactMap { if case .callerFinished(let call, let outcome) = $0 { (call, outcome) } else { nil } }
    }

    /// The cancelled offers as (call, agents, reason).
    var cancellations: [(call: CallID, agents: [AgentID], reason: CancelReason)] {
        compactMap { if case .cancelOffer(let call, let agents, let reason) = $0 { (call, agents, reason) } else { nil } }
    }
}
