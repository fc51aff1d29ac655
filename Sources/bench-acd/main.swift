// Selection cost of the ACD engine as the work grows: agents × queues, with 10,000 callers
// waiting (an agent frees up and the engine picks among the waiting callers) and with idle
// agents to pick from (a caller arrives and the engine picks among the idle agents).
// Every decision is one offer; each measured step also carries the events around it.
import ACD

/// SplitMix64, so runs are repeatable.
struct Generator: RandomNumberGenerator {
    var state: UInt64 = 0x5EED

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One engine at one size, with a clock that moves 1 ms per step.
struct Bench {
    var engine: ACDEngine
    var now = ACDInstant(secondsSinceEpoch: 1_750_000_000)
    let agents: [AgentID]
    let servedNumbers: [String]
    var serial = 0

    /// `agentCount` agents; agent i serves queues i mod S and (i+1) mod S, S = min(queues, agents).
    init(agents agentCount: Int, queues queueCount: Int) throws {
        let served = min(queueCount, agentCount)
        agents = (0..<agentCount).map { AgentID("a\($0)") }
        var members = Array(repeating: [QueueMember](), count: queueCount)
        for index in 0..<agentCount {
            members[index % served].append(QueueMember(agent: agents[index]))
            if served > 1 { members[(index + 1) % served].append(QueueMember(agent: agents[index])) }
        }
        let queues = (0..<queueCount).map { QueueConfiguration(id: QueueID("q\($0)"), numbers: ["+\($0)"], members: members[$0]) }
        servedNumbers = (0..<served).map { "+\($0)" }
        let configuration = ACDConfiguration(
            queues: queues,
            agents: agents.map { AgentConfiguration(id: $0, teamsObjectID: "o-\($0)", number: "+1\($0)") },
            presenceStaleness: .seconds(86_400)
        )
        engine = try ACDEngine(configuration: configuration, randomNumberGenerator: Generator(), now: now)
        for agent in agents {
            _ = engine.handle(.presenceChanged(agent, .available, observedAt: now), now: now)
            _ = engine.handle(.agentStatusChanged(agent, .available), now: now)
        }
    }

    mutating func nextCall() -> CallArrivalPlan {
        serial += 1
        return CallArrivalPlan(id: CallID("c\(serial)"), number: servedNumbers[serial % servedNumbers.count])
    }

    /// Sends an arrival; returns the agent offered, if any.
    mutating func arrive(_ plan: CallArrivalPlan) -> AgentID? {
        let arrival = CallerArrival(callID: plan.id, queue: .number(plan.number), callerNumber: "+49")
        return firstOffer(engine.handle(.callerArrived(arrival), now: now))?.agent
    }

    mutating func step() {
        now = now + .milliseconds(1)
    }
}

struct CallArrivalPlan {
    var id: CallID
    var number: String
}

func firstOffer(_ decisions: [ACDDecision]) -> (call: CallID, agent: AgentID)? {
    for case .offer(let offer) in decisions { return (offer.callID, offer.agents[0].id) }
    return nil
}

/// Busy agents, 10,000 waiting callers: each step ends one call; the engine picks the next caller.
func callerSelection(agents: Int, queues: Int, waiting: Int, steps: Int) throws -> Double {
    var bench = try Bench(agents: agents, queues: queues)
    var calls: [AgentID: CallID] = [:]
    while calls.count < agents {
        let plan = bench.nextCall()
        if let agent = bench.arrive(plan) {
            _ = bench.engine.handle(.offerAnswered(plan.id, agent: agent), now: bench.now)
            calls[agent] = plan.id
        }
    }
    for _ in 0..<waiting { _ = bench.arrive(bench.nextCall()) }
    let arrivals = (0..<steps).map { _ in bench.nextCall() }
    let clock = ContinuousClock()
    var decisions = 0
    let elapsed = clock.measure {
        for index in 0..<steps {
            bench.step()
            let agent = bench.agents[index % agents]
            guard let call = calls[agent] else { continue }
            guard let offer = firstOffer(bench.engine.handle(.callEnded(call), now: bench.now)) else { continue }
            decisions += 1
            _ = bench.engine.handle(.offerAnswered(offer.call, agent: offer.agent), now: bench.now)
            calls[offer.agent] = offer.call
            _ = bench.arrive(arrivals[index])
        }
    }
    return Double(elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000) / Double(max(decisions, 1))
}

/// Idle agents, no one waiting: each step a caller arrives, is offered, answers and hangs up.
func agentSelection(agents: Int, queues: Int, steps: Int) throws -> Double {
    var bench = try Bench(agents: agents, queues: queues)
    let arrivals = (0..<steps).map { _ in bench.nextCall() }
    let clock = ContinuousClock()
    var decisions = 0
    let elapsed = clock.measure {
        for plan in arrivals {
            bench.step()
            guard let agent = bench.arrive(plan) else { continue }
            decisions += 1
            _ = bench.engine.handle(.offerAnswered(plan.id, agent: agent), now: bench.now)
            _ = bench.engine.handle(.callEnded(plan.id), now: bench.now)
        }
    }
    return Double(elapsed.components.attoseconds / 1_000_000_000 + elapsed.components.seconds * 1_000_000_000) / Double(max(decisions, 1))
}

func median(_ values: [Double]) -> Double {
    values.sorted()[values.count / 2]
}

let rounds = 5
let steps = 20_000
let waiting = 10_000
print("ACD selection cost, median of \(rounds) rounds of \(steps) decisions (each decision: its offer plus the events around it)")
print("agents  queues  waiting  ns/decision (agent frees, picks a caller)  ns/decision (caller arrives, picks an idle agent)")
for agents in [10, 1_000, 10_000] {
    for queues in [1, 100, 1_000] {
        let callerSide = median(try (0..<rounds).map { _ in try callerSelection(agents: agents, queues: queues, waiting: waiting, steps: steps) })
        let agentSide = median(try (0..<rounds).map { _ in try agentSelection(agents: agents, queues: queues, steps: steps) })
        let row = [String(agents).padded(6), String(queues).padded(6), String(waiting).padded(7),
                   String(Int(callerSide)).padded(41), String(Int(agentSide)).padded(48)]
        print(row.joined(separator: "  "))
    }
}

extension String {
    func padded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
