@testable import ACD
import Testing

/// A configuration reload: the engine rebuilt around what is live.
@Suite("Reconfiguration keeps what is live")
struct ReconfigurationTests {
    /// Reconfigures the harness's engine at its clock and returns the decisions.
    @discardableResult
    private func reconfigure(_ harness: inout Harness, to configuration: ACDConfiguration) throws -> [ACDDecision] {
        let (engine, decisions) = try harness.engine.reconfigured(to: configuration, now: harness.now)
        harness.engine = engine
        #expect(engine.audit().isEmpty, "\(engine.audit())")
        return decisions
    }

    @Test("waiting callers keep their order and are offered to an agent the reload adds")
    func waitingCallersKeepOrder() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), readyAgents: ["a1"])
        harness.send(.agentStatusChanged("a1", .onBreak("lunch")))
        for call: CallID in ["c1", "c2", "c3"] {
            harness.arrive(call)
            harness.advance(.seconds(1))
        }
        harness.send(.reprioritize("c3", priority: 5))
        #expect(try reconfigure(&harness, to: singleQueue(agents: ["a1", "a2"])).offers.isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak("lunch"))
        harness.makeReady("a2")
        var order: [CallID] = []
        for _ in 0..<3 {
            let answered = harness.engine.agent("a2").flatMap { agent -> CallID? in
                if case .reserved(let call) = agent.state { call } else { nil }
            }
            guard let call = answered else { break }
            order.append(call)
            harness.complete(call, by: "a2")
        }
        #expect(order == ["c3", "c1", "c2"])
    }

    @Test("a ringing offer goes on: the answer connects, and the ring timeout still fires for another")
    func offersCarryOn() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], strategy: .ringAll), readyAgents: ["a1", "a2"])
        #expect(harness.arrive("c1").offeredAgents.sorted() == ["a1", "a2"])
        harness.send(.offerRinging("c1", agent: "a1"))
        try reconfigure(&harness, to: singleQueue(agents: ["a1", "a2", "a3"], strategy: .ringAll))
        #expect(harness.engine.agent("a1")?.state == .offering("c1"))
        #expect(harness.engine.agent("a2")?.state == .reserved("c1"))
        let answered = harness.send(.offerAnswered("c1", agent: "a1"))
        #expect(answered.cancellations.map(\.agents) == [["a2"]])
        #expect(harness.engine.agent("a1")?.state == .onCall("c1"))
        #expect(harness.send(.callEnded("c1")).outcomes.map(\.call) == ["c1"])

        harness.arrive("c2")
        try reconfigure(&harness, to: singleQueue(agents: ["a1", "a2"], strategy: .ringAll))
        let timedOut = harness.advance(.seconds(26))
        #expect(timedOut.cancellations.contains { $0.call == "c2" && $0.reason == .ringTimeout })
    }

    @Test("wrap-up ends when it was due, and statistics and a RONA break's end are kept")
    func agentStateCarries() throws {
        var configuration = singleQueue(agents: ["a1", "a2"]) { $0.wrapUp = .seconds(30) }
        var harness = try Harness(configuration, readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        harness.complete("c1", by: "a1", talk: .seconds(10))
        let breakEnd = harness.now + .seconds(120)
        harness.send(.agentStatusRestored("a2", .onBreak(.rona), breakUntil: breakEnd))
        harness.advance(.seconds(10))
        configuration.queues[0].wrapUp = .seconds(300)
        try reconfigure(&harness, to: configuration)
        #expect(harness.engine.statistics.agents["a1"]?.answered == 1)
        #expect(harness.engine.statistics.queues["q"]?.answered == 1)
        #expect(harness.engine.agent("a2")?.ronaBreakUntil == breakEnd)
        harness.advance(.seconds(19))
        #expect(harness.engine.agent("a1")?.state == .wrapUp(until: harness.now + .seconds(1)))
        harness.advance(.seconds(1))
        #expect(harness.engine.agent("a1")?.state == .idle)
        #expect(harness.engine.statistics.queues["q"]?.handled == 1)
        harness.advance(.seconds(100))
        #expect(harness.engine.agent("a2")?.status == .available)
    }

    @Test("a new max wait applies to callers already waiting, from their arrival")
    func newRulesApply() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), readyAgents: ["a1"])
        harness.send(.agentStatusChanged("a1", .onBreak("lunch")))
        harness.arrive("c1")
        harness.advance(.seconds(20))
        try reconfigure(&harness, to: singleQueue(agents: ["a1"]) { $0.maxWait = .seconds(30) })
        #expect(harness.advance(.seconds(9)).overflows.isEmpty)
        #expect(harness.advance(.seconds(1)).overflows.map(\.reason) == [.timeout])
    }

    @Test("removing a queue with callers or an agent on a call is refused; an idle agent goes")
    func removalsInUse() throws {
        var two = singleQueue(agents: ["a1", "a2"])
        two.queues.append(QueueConfiguration(id: "other", numbers: ["+200"], members: [QueueMember(agent: "a2")]))
        var harness = try Harness(two, readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("lunch")))
        harness.arrive("c9", queue: "+200")
        #expect(throws: ReconfigurationError.queueInUse("other", calls: 1)) {
            try harness.engine.reconfigured(to: singleQueue(agents: ["a1", "a2"]), now: harness.now)
        }
        harness.send(.callerAbandoned("c9"))
        harness.arrive("c1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        #expect(throws: ReconfigurationError.agentInUse("a1", call: "c1")) {
            try harness.engine.reconfigured(to: singleQueue(agents: ["a2"]), now: harness.now)
        }
        #expect(throws: ReconfigurationError.invalid(.agentInNoQueue("a2"))) {
            try harness.engine.reconfigured(to: ACDConfiguration(queues: two.queues.filter { $0.id == "q" }.map {
                var queue = $0
                queue.members = [QueueMember(agent: "a1")]
                return queue
            }, agents: two.agents), now: harness.now)
        }
        try reconfigure(&harness, to: singleQueue(agents: ["a1"]))
        #expect(harness.engine.agentIDs == ["a1"])
        #expect(harness.send(.callEnded("c1")).outcomes.map(\.call) == ["c1"])
    }
}
