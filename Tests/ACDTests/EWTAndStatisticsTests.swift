import Foundation
import Testing
@testable import ACD

@Suite("EWT and statistics")
struct EWTAndStatisticsTests {
    /// A discrete-event run of one queue: Poisson arrivals, agents answer at once, handle times
    /// uniform in 60...140 s. Returns (EWT announced on arrival, actual wait) per answered caller.
    static func simulate(agents count: Int, load: Double, callers: Int, seed: UInt64) throws -> [(ewt: Duration, wait: Duration)] {
        let ids = (1...count).map { AgentID("a\($0)") }
        var harness = try Harness(singleQueue(agents: ids) { queue in
            queue.initialHandleTime = .seconds(100)
            queue.presencePolicy.unknownIsRoutable = true
        }, readyAgents: ids, spacing: .zero)
        var random = SeededGenerator(seed: seed)
        var arrivals: [CallID: (at: ACDInstant, ewt: Duration?)] = [:]
        var endings: [(at: ACDInstant, call: CallID)] = []
        var pairs: [(ewt: Duration, wait: Duration)] = []
        var nextArrival = harness.now
        var arrived = 0
        let meanGap = 100.0 / (Double(count) * load)
        func handle(_ decisions: [ACDDecision], harness: inout Harness) {
            for (call, agents) in decisions.offers {
                if let arrival = arrivals[call], let ewt = arrival.ewt { pairs.append((ewt, harness.now - arrival.at)) }
                let talk = Duration.seconds(Int64.random(in: 60...140, using: &random))
                _ = harness.send(.offerAnswered(call, agent: agents[0]))
                endings.append((harness.now + talk, call))
            }
        }
        while arrived < callers || !endings.isEmpty {
            endings.sort { $0.at < $1.at }
            if arrived < callers, endings.first.map({ nextArrival <= $0.at }) ?? true {
                harness.now = nextArrival
                let call = CallID("c\(arrived)")
                arrived += 1
                let decisions = harness.arrive(call)
                let ewt = decisions.compactMap { if case .queued(_, _, _, let ewt) = $0 { ewt } else { nil } }.first
                arrivals[call] = (harness.now, ewt)
                handle(decisions, harness: &harness)
                let uniform = Double(random.next() % 1_000_000 + 1) / 1_000_000
                nextArrival = nextArrival + .milliseconds(Int64(-meanGap * 1000 * log(uniform)))
            } else {
                let ending = endings.removeFirst()
                harness.now = ending.at
                handle(harness.send(.callEnded(ending.call)), harness: &harness)
            }
        }
        return pairs
    }

    @Test("EWT tracks the actual waits of a busy queue", arguments: [(5, 0.9), (20, 0.95)])
    func ewtAgainstActualWaits(agents: Int, load: Double) throws {
        let pairs = try Self.simulate(agents: agents, load: load, callers: 3_000, seed: 11)
        let waited = pairs.filter { $0.ewt > .zero || $0.wait > .zero }
        let meanWait = waited.reduce(0.0) { $0 + $1.wait.seconds } / Double(waited.count)
        let meanEWT = waited.reduce(0.0) { $0 + $1.ewt.seconds } / Double(waited.count)
        let meanError = waited.reduce(0.0) { $0 + abs($1.ewt.seconds - $1.wait.seconds) } / Double(waited.count)
        #expect(waited.count > 300, "too few waiting callers to compare: \(waited.count)")
        #expect(abs(meanEWT - meanWait) < 0.1 * meanWait, "mean EWT \(meanEWT) s vs mean wait \(meanWait) s")
        #expect(meanError < 0.25 * meanWait, "mean absolute error \(meanError) s vs mean wait \(meanWait) s")
    }

    @Test("service level, ASA, AHT and abandon rate per queue and per agent")
    func statistics() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.wrapUp = .seconds(30) })
        harness.arrive("c1")
        harness.advance(.seconds(10))
        harness.arrive("c2")
        harness.makeReady("a1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        harness.advance(.seconds(60))
        harness.send(.callEnded("c1"))
        #expect(harness.advance(.seconds(30)).offers.map(\.call) == ["c2"])
        harness.complete("c2", by: "a1", talk: .seconds(120))
        harness.advance(.seconds(10))
        harness.arrive("c3")
        harness.advance(.seconds(5))
        harness.send(.callerAbandoned("c3"))
        harness.advance(.seconds(30))
        let queue = try #require(harness.engine.statistics.queues["q"])
        #expect((queue.entered, queue.answered, queue.abandoned, queue.handled) == (3, 2, 1, 2))
        #expect(queue.serviceLevel == 1.0 / 3.0)
        #expect(queue.averageSpeedOfAnswer == .seconds(50))
        #expect(queue.averageHandleTime == .seconds(120))
        #expect(queue.abandonRate == 1.0 / 3.0)
        let agent = try #require(harness.engine.statistics.agents["a1"])
        #expect((agent.offered, agent.answered, agent.handled) == (2, 2, 2))
        #expect(agent.totalTalkTime == .seconds(180))
        #expect(agent.averageHandleTime == .seconds(120))
        #expect(agent.answerRate == 1)
    }

    @Test("statistics survive a restart and encode for export")
    func statisticsPersist() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), readyAgents: ["a1"])
        harness.arrive("c1")
        harness.complete("c1", by: "a1")
        let saved = harness.engine.statistics
        let decoded = try JSONDecoder().decode(ACDStatistics.self, from: JSONEncoder().encode(saved))
        #expect(decoded == saved)
        var restarted = try ACDEngine(configuration: singleQueue(agents: ["a1"]), statistics: decoded,
                                      randomNumberGenerator: SeededGenerator(seed: 1), now: harness.now)
        _ = restarted.handle(.callerArrived(CallerArrival(callID: "c2", queue: .id("q"), callerNumber: "+1")), now: harness.now)
        #expect(restarted.statistics.queues["q"]?.entered == 2)
        #expect(restarted.statistics.agents["a1"]?.answered == 1)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

