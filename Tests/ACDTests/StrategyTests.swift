import TeamsPresence
import Testing
@testable import ACD

@Suite("Routing strategies")
struct StrategyTests {
    let four: [AgentID] = ["a1", "a2", "a3", "a4"]

    @Test("longest-idle offers the agent whose last call ended longest ago")
    func longestIdle() throws {
        var harness = try Harness(singleQueue(agents: four), readyAgents: four)
        harness.arrive("c1")
        harness.complete("c1", by: "a1")
        harness.advance(.seconds(5))
        #expect(harness.arrive("c2").offeredAgents == ["a2"])
        harness.complete("c2", by: "a2")
        #expect(harness.arrive("c3").offeredAgents == ["a3"])
        harness.complete("c3", by: "a3")
        #expect(harness.arrive("c4").offeredAgents == ["a4"])
        harness.complete("c4", by: "a4")
        #expect(harness.arrive("c5").offeredAgents == ["a1"])
    }

    @Test("linear always starts from the first configured member")
    func linear() throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .linear), readyAgents: four.reversed())
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offerAnswered("c1", agent: "a1"))
        #expect(harness.arrive("c2").offeredAgents == ["a2"])
        harness.send(.callEnded("c1"))
        harness.complete("c2", by: "a2")
        #expect(harness.arrive("c3").offeredAgents == ["a1"])
    }

    @Test("round-robin continues after the last agent offered and remembers the rotation")
    func roundRobin() throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .roundRobin), readyAgents: four)
        var order: [AgentID] = []
        for call in ["c1", "c2"] as [CallID] {
            let offered = harness.arrive(call).offeredAgents
            order += offered
            harness.complete(call, by: offered[0])
        }
        harness.send(.agentStatusChanged("a3", .onBreak("lunch")))
        let c3 = harness.arrive("c3").offeredAgents
        harness.complete("c3", by: c3[0])
        harness.makeReady("a3")
        for call in ["c4", "c5", "c6"] as [CallID] {
            let offered = harness.arrive(call).offeredAgents
            order += offered
            harness.complete(call, by: offered[0])
        }
        #expect(order == ["a1", "a2", "a1", "a2", "a3"])
        #expect(c3 == ["a4"])
    }

    @Test("fewest-calls prefers the agent with the fewest answered calls in the queue")
    func fewestCalls() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2", "a3"], strategy: .fewestCalls), readyAgents: ["a1", "a2", "a3"])
        harness.arrive("c1")
        harness.complete("c1", by: "a1")
        harness.arrive("c2")
        harness.complete("c2", by: "a2")
        harness.send(.agentStatusChanged("a3", .onBreak("coffee")))
        harness.arrive("c3")
        harness.complete("c3", by: "a1")
        harness.send(.agentStatusChanged("a3", .available))
        #expect(harness.arrive("c4").offeredAgents == ["a3"])
        harness.complete("c4", by: "a3")
        #expect(harness.arrive("c5").offeredAgents == ["a2"])
    }

    @Test("least-talk-time prefers the agent with the least talk time in the queue")
    func leastTalkTime() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], strategy: .leastTalkTime), readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        harness.arrive("c2")
        harness.send(.offerAnswered("c2", agent: "a2"))
        harness.advance(.seconds(10))
        harness.send(.callEnded("c2"))
        harness.advance(.seconds(50))
        harness.send(.callEnded("c1"))
        #expect(harness.arrive("c3").offeredAgents == ["a2"])
    }

    @Test("random picks every eligible agent about equally often", arguments: [UInt64(1), 7, 42])
    func random(seed: UInt64) throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .random), readyAgents: four, seed: seed)
        var counts: [AgentID: Int] = [:]
        for index in 0..<4_000 {
            let call = CallID("c\(index)")
            let offered = harness.arrive(call).offeredAgents
            counts[offered[0], default: 0] += 1
            harness.complete(call, by: offered[0])
        }
        #expect(counts.count == 4)
        for agent in four { #expect((850...1_150).contains(counts[agent] ?? 0), "\(agent): \(counts[agent] ?? 0)") }
    }

    @Test("weighted-random picks in proportion to member weights")
    func weightedRandom() throws {
        let configuration = singleQueue(agents: ["a1", "a2"], strategy: .weightedRandom) { queue in
            queue.members = [QueueMember(agent: "a1", weight: 1), QueueMember(agent: "a2", weight: 3)]
        }
        var harness = try Harness(configuration, readyAgents: ["a1", "a2"], seed: 3)
        var heavy = 0
        for index in 0..<4_000 {
            let call = CallID("c\(index)")
            let offered = harness.arrive(call).offeredAgents
            if offered == ["a2"] { heavy += 1 }
            harness.complete(call, by: offered[0])
        }
        #expect((2_850...3_150).contains(heavy), "a2 got \(heavy) of 4000")
    }

    @Test("random never offers an agent who is not eligible")
    func randomSkipsIneligible() throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .random), readyAgents: four)
        harness.send(.agentStatusChanged("a2", .loggedOut))
        harness.send(.presenceChanged("a3", TeamsPresence(availability: .doNotDisturb, activity: .doNotDisturb), observedAt: harness.now))
        for index in 0..<200 {
            let call = CallID("c\(index)")
            let offered = harness.arrive(call).offeredAgents
            #expect(offered == ["a1"] || offered == ["a4"])
            harness.complete(call, by: offered[0])
        }
    }

    @Test("ring-all rings every eligible agent and cancels the others on answer")
    func ringAll() throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .ringAll), readyAgents: four)
        harness.send(.agentStatusChanged("a4", .onBreak("training")))
        #expect(harness.arrive("c1").offeredAgents == ["a1", "a2", "a3"])
        let answered = harness.send(.offerAnswered("c1", agent: "a2"))
        #expect(answered.cancellations.map(\.agents) == [["a1", "a3"]])
        #expect(answered.cancellations.map(\.reason) == [.answeredElsewhere])
        #expect(harness.engine.agent("a1")?.state == .idle)
        #expect(harness.engine.agent("a2")?.state == .onCall("c1"))
    }

    @Test("ring-progressively adds the next agent every interval until an answer")
    func ringProgressively() throws {
        var harness = try Harness(singleQueue(agents: four, strategy: .ringProgressively(interval: .seconds(5))), readyAgents: four)
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        #expect(harness.advance(.seconds(4)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a2"])
        #expect(harness.advance(.seconds(5)).offeredAgents == ["a3"])
        let answered = harness.send(.offerAnswered("c1", agent: "a3"))
        #expect(Set(answered.cancellations.flatMap(\.agents)) == ["a1", "a2"])
        #expect(harness.advance(.seconds(5)).offeredAgents.isEmpty)
    }

    @Test("tiers: tier 2 joins only after the tier rule's wait")
    func tierWidening() throws {
        let configuration = singleQueue(agents: ["a1", "a2"]) { queue in
            queue.members = [QueueMember(agent: "a1", tier: 1), QueueMember(agent: "a2", tier: 2)]
            queue.tierRules = [TierRule(after: .seconds(30), tier: 2)]
        }
        var harness = try Harness(configuration, readyAgents: ["a2", "a1"])
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        #expect(harness.arrive("c2").offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(29)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a2"])
    }

    @Test("without tier rules lower tiers and penalties go first")
    func tiersAndPenaltiesOrder() throws {
        let configuration = singleQueue(agents: ["a1", "a2", "a3"]) { queue in
            queue.members = [QueueMember(agent: "a1", tier: 2), QueueMember(agent: "a2", penalty: 1), QueueMember(agent: "a3", penalty: 0)]
        }
        var harness = try Harness(configuration, readyAgents: ["a1", "a2", "a3"])
        #expect(harness.arrive("c1").offeredAgents == ["a3"])
        #expect(harness.arrive("c2").offeredAgents == ["a2"])
        #expect(harness.arrive("c3").offeredAgents == ["a1"])
    }
}

@Suite("Skills")
struct SkillTests {
    static func configuration() -> ACDConfiguration {
        var configuration = singleQueue(agents: ["a1", "a2"]) { $0.skillRules = [SkillRule(after: .seconds(20), reduction: 2)] }
        configuration.agents = [agent("a1", skills: ["es": 3]), agent("a2", skills: ["es": 7, "fr": 2])]
        return configuration
    }

    @Test("a caller's required proficiency picks the skilled agent over the longest idle one")
    func proficiency() throws {
        var harness = try Harness(Self.configuration(), readyAgents: ["a1", "a2"])
        #expect(harness.arrive("c1", skills: ["es": 5]).offeredAgents == ["a2"])
        #expect(harness.arrive("c2").offeredAgents == ["a1"])
    }

    @Test("required proficiency widens with the wait until a less skilled agent qualifies")
    func widening() throws {
        var harness = try Harness(Self.configuration(), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("lunch")))
        #expect(harness.arrive("c1", skills: ["es": 5]).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(19)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a1"])
    }

    @Test("a caller behind an unservable skilled caller still gets an agent")
    func classesDoNotBlockEachOther() throws {
        var harness = try Harness(Self.configuration(), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("lunch")))
        #expect(harness.arrive("c1", skills: ["fr": 5]).offeredAgents.isEmpty)
        #expect(harness.arrive("c2").offeredAgents == ["a1"])
        #expect(harness.engine.explain(callID: "c1", now: harness.now)?.skipped.map(\.reason)
            == [.reserved("c2"), .onBreak("lunch")])
    }
}
