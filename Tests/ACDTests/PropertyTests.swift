import TeamsPresence
import Testing
@testable import ACD

/// Drives the engine with random events the way the B2BUA, agents, supervisors and the presence
/// poller would, and checks the engine's invariants after every step. Every choice draws from the
/// seeded generator over a sorted list (never a set's or dictionary's own order, which changes from
/// process to process), so a seed replays the same sequence.
struct Simulation {
    var harness: Harness
    var random: SeededGenerator
    let agentIDs: [AgentID]
    let numbers: [String]
    var active: Set<CallID> = []
    var outcomes: [CallID: Int] = [:]
    var ringing: [AgentID: CallID] = [:]
    var connected: [CallID: AgentID] = [:]
    var violations: [String] = []
    var arrivals = 0

    init(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let configuration = Self.configuration(&random)
        agentIDs = configuration.agents.map(\.id)
        numbers = configuration.queues.flatMap(\.numbers)
        harness = try Harness(configuration, seed: seed)
        self.random = random
    }

    static func configuration(_ random: inout SeededGenerator) -> ACDConfiguration {
        let strategies: [RoutingStrategy] = [.ringAll, .linear, .roundRobin, .longestIdle, .fewestCalls, .leastTalkTime,
                                             .random, .weightedRandom, .ringProgressively(interval: .seconds(4))]
        let agents = (0..<12).map { agent(AgentID("a\($0)"), skills: ["de": Int.random(in: 0...5, using: &random)]) }
        var queues = (0..<3).map { index in
            QueueConfiguration(
                id: QueueID("q\(index)"), numbers: ["+\(index)"], strategy: strategies.randomElement(using: &random)!,
                members: [], tierRules: [TierRule(after: .seconds(20), tier: 2)], skillRules: [SkillRule(after: .seconds(30), reduction: 2)],
                ringTimeout: .seconds(Int64.random(in: 10...20, using: &random)), maxCallers: 15, maxWait: .seconds(300),
                stayPolicy: Bool.random(using: &random) ? .always : .whenAgentLoggedIn, maxWaitWithNoAgent: .seconds(60),
                wrapUp: .seconds(Int64.random(in: 0...10, using: &random)), weight: Int.random(in: 0...3, using: &random),
                overflowTargets: [.timeout: .queue(QueueID("q\((index + 1) % 3)"), keepPosition: Bool.random(using: &random))],
                rejoinWindow: .seconds(30)
            )
        }
        for (index, agent) in agents.enumerated() {
            for queue in queues.indices where queue == index % 3 || Bool.random(using: &random) {
                queues[queue].members.append(QueueMember(agent: agent.id, tier: Int.random(in: 1...2, using: &random),
                                                         penalty: Int.random(in: 0...1, using: &random), weight: Int.random(in: 1...3, using: &random)))
            }
        }
        var configuration = ACDConfiguration(queues: queues, agents: agents,
                                             rona: RONAConfiguration(missLimit: 3, backOff: [.noAnswer: .seconds(10), .busy: .seconds(20), .unreachable: .seconds(30)]))
        configuration.globalLongestWaitingFirst = Bool.random(using: &random)
        return configuration
    }

    mutating func step() {
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<20: arrive()
        case 20..<42: if let (agent, call) = ringing.sorted(by: { $0.key < $1.key }).randomElement(using: &random) { answer(call, by: agent) }
        case 42..<50: if let (agent, call) = ringing.sorted(by: { $0.key < $1.key }).randomElement(using: &random) { fail(call, agent: agent) }
        case 50..<62: if let call = connected.keys.sorted().randomElement(using: &random) { send(.callEnded(call)) }
        case 62..<67: if let call = active.sorted().randomElement(using: &random) { send(.callerAbandoned(call)) }
        case 67..<75: changeStatus()
        case 75..<83: presence()
        case 83..<85: if let agent = agentIDs.randomElement(using: &random) { send(.wrapUpEnded(agent)) }
        case 85..<87: supervisor()
        case 87..<88: reconcile()
        case 88..<89: reconfigure()
        default: apply(harness.advance(.seconds(Int64.random(in: 0...30, using: &random))))
        }
    }

    mutating func arrive() {
        arrivals += 1
        let call = CallID("c\(arrivals)")
        active.insert(call)
        let skills = Int.random(in: 0..<4, using: &random) == 0 ? ["de": Int.random(in: 1...4, using: &random)] : [:]
        let number = "+49\(Int.random(in: 0..<40, using: &random))"
        send(.callerArrived(CallerArrival(callID: call, queue: .number(numbers.randomElement(using: &random)!), callerNumber: number,
                                          priority: Int.random(in: 0...1, using: &random), requiredSkills: skills)))
    }

    mutating func answer(_ call: CallID, by agent: AgentID) {
        ringing[agent] = nil
        connected[call] = agent
        send(.offerAnswered(call, agent: agent))
    }

    mutating func fail(_ call: CallID, agent: AgentID) {
        ringing[agent] = nil
        send(.offerFailed(call, agent: agent, reason: OfferFailureReason.allCases.randomElement(using: &random)!))
    }

    mutating func changeStatus() {
        let statuses: [AgentStatus] = [.available, .available, .available, .available, .onBreak("lunch"), .loggedOut]
        send(.agentStatusChanged(agentIDs.randomElement(using: &random)!, statuses.randomElement(using: &random)!))
    }

    mutating func presence() {
        let values: [TeamsPresence] = [.available, .available, .inACall, TeamsPresence(availability: .away, activity: .away)]
        let age = Duration.seconds(Int64.random(in: 0...5, using: &random))
        send(.presenceChanged(agentIDs.randomElement(using: &random)!, values.randomElement(using: &random)!, observedAt: harness.now - age))
    }

    mutating func supervisor() {
        guard let call = active.sorted().randomElement(using: &random) else { return }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: send(.withdraw(call, target: nil))
        case 1: send(.reprioritize(call, priority: Int.random(in: 0...2, using: &random)))
        default: send(.callerPressedExitKey(call))
        }
    }

    mutating func reconcile() {
        var live = active
        if let lost = live.sorted().randomElement(using: &random) { live.remove(lost) }
        send(.reconcile(liveCalls: live))
    }

    /// A reload: the same agents and queues with new memberships, tiers, strategies and timers.
    mutating func reconfigure() {
        do {
            let (engine, decisions) = try harness.engine.reconfigured(to: Self.configuration(&random), now: harness.now)
            harness.engine = engine
            apply(decisions)
        } catch {
            violations.append("reconfiguration refused: \(error)")
        }
    }

    mutating func send(_ event: ACDEvent) {
        apply(harness.send(event))
    }

    /// Plays the B2BUA's part for the decisions and checks them.
    mutating func apply(_ decisions: [ACDDecision]) {
        for decision in decisions {
            switch decision {
            case .offer(let offer):
                if !active.contains(offer.callID) { violations.append("offer for finished \(offer.callID)") }
                let addition = ringing.values.contains(offer.callID)
                for agent in offer.agents.map(\.id) {
                    if let other = ringing[agent] { violations.append("\(agent) offered \(offer.callID) while ringing for \(other)") }
                    if connected.values.contains(agent) { violations.append("\(agent) offered \(offer.callID) while on a call") }
                    ringing[agent] = offer.callID
                }
                if !addition, let overtaken = harness.engine.overtakenCaller(by: offer.callID) {
                    violations.append("\(offer.callID) offered before earlier \(overtaken)")
                }
            case .cancelOffer(let call, let agents, _):
                for agent in agents {
                    if ringing[agent] != call { violations.append("cancel of \(agent) not ringing for \(call)") }
                    ringing[agent] = nil
                }
            case .callerFinished(let call, _):
                outcomes[call, default: 0] += 1
                if active.remove(call) == nil { violations.append("second outcome for \(call)") }
                if ringing.values.contains(call) { violations.append("\(call) finished while ringing") }
                connected[call] = nil
            case .queued, .overflow, .agentStatusChanged, .ignored, .callbackAccepted, .callbackRetry:
                break
            }
        }
        guard violations.isEmpty else { return }
        if Set(harness.engine.slotByCall.keys) != active { violations.append("engine calls differ from the B2BUA's") }
        violations += harness.engine.audit()
    }

    /// Ends everything: agents available, every call answered and ended, wrap-ups over.
    mutating func drain() {
        for _ in 0..<200 where !active.isEmpty || !ringing.isEmpty {
            for agent in agentIDs {
                send(.presenceChanged(agent, .available, observedAt: harness.now))
                send(.agentStatusChanged(agent, .available))
            }
            for (agent, call) in ringing.sorted(by: { $0.key < $1.key }) where ringing[agent] == call { answer(call, by: agent) }
            for call in connected.keys.sorted() { send(.callEnded(call)) }
            apply(harness.advance(.seconds(60)))
        }
        for call in active.sorted() { send(.callerAbandoned(call)) }
        apply(harness.advance(.seconds(3600)))
    }
}

@Suite("Invariants over random event sequences")
struct PropertyTests {
    @Test("thousands of random events keep every invariant", arguments: Array(UInt64(1)...8))
    func randomSequences(seed: UInt64) throws {
        var simulation = try Simulation(seed: seed)
        for _ in 0..<3_000 {
            simulation.step()
            if !simulation.violations.isEmpty { break }
        }
        #expect(simulation.violations.isEmpty, "\(simulation.violations.prefix(5))")
        simulation.drain()
        #expect(simulation.violations.isEmpty, "\(simulation.violations.prefix(5))")
        #expect(simulation.active.isEmpty)
        #expect(simulation.outcomes.count == simulation.arrivals)
        #expect(simulation.outcomes.values.allSatisfy { $0 == 1 })
        for agent in simulation.agentIDs { #expect(simulation.harness.engine.agent(agent)?.state == .idle, "\(agent)") }
        #expect(simulation.arrivals > 500)
    }
}

@Suite("Fairness across queues")
struct FairnessTests {
    /// Two queues share two agents who finish a call every 3 s; the heavy queue (weight 5) gets a
    /// caller every second, more than the agents can take, the light queue (weight 0) one every 10 s.
    /// Returns the share of each queue's callers (arrived after a 60 s warm-up) that were offered.
    static func servedShares(global: Bool) throws -> (heavy: Double, light: Double) {
        let members = [QueueMember(agent: "a1"), QueueMember(agent: "a2")]
        let queues = [
            QueueConfiguration(id: "heavy", numbers: ["+1"], members: members, weight: 5),
            QueueConfiguration(id: "light", numbers: ["+2"], members: members, weight: 0),
        ]
        var configuration = ACDConfiguration(queues: queues, agents: [agent("a1"), agent("a2")])
        configuration.globalLongestWaitingFirst = global
        configuration.presenceStaleness = .seconds(1_000_000)
        var harness = try Harness(configuration, readyAgents: ["a1", "a2"])
        var arrived: [String: Int] = [:]
        var served: [String: Int] = [:]
        var pending: [(CallID, AgentID)] = []
        for second in 0..<2_000 {
            var decisions = harness.arrive(CallID("heavy-\(second)"), queue: "+1")
            if second % 10 == 0 { decisions += harness.arrive(CallID("light-\(second)"), queue: "+2") }
            if second % 3 == 0 {
                for (call, agent) in pending { decisions += harness.complete(call, by: agent) }
                pending = []
            }
            decisions += harness.advance(.seconds(1))
            for (call, agents) in decisions.offers {
                pending.append((call, agents[0]))
                let parts = call.rawValue.split(separator: "-")
                if let arrival = Int(parts[1]), arrival >= 60 { served[String(parts[0]), default: 0] += 1 }
            }
            if second >= 60 {
                arrived["heavy", default: 0] += 1
                if second % 10 == 0 { arrived["light", default: 0] += 1 }
            }
        }
        let share = { (queue: String) in Double(served[queue] ?? 0) / Double(arrived[queue] ?? 1) }
        return (share("heavy"), share("light"))
    }

    @Test("queue weight alone lets a busy high-weight queue starve a low-weight one")
    func weightStarves() throws {
        let shares = try Self.servedShares(global: false)
        #expect(shares.light == 0)
        #expect(shares.heavy > 0.6)
    }

    @Test("the global longest-waiting rule serves the low-weight queue in its turn: no starvation")
    func globalRuleDoesNotStarve() throws {
        let shares = try Self.servedShares(global: true)
        #expect(shares.light > 0.5)
        #expect(abs(shares.light - shares.heavy) < 0.1, "light \(shares.light), heavy \(shares.heavy)")
    }
}
