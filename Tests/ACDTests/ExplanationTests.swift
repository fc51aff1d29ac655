import TeamsPresence
import Testing
@testable import ACD

@Suite("Explainability")
struct ExplanationTests {
    @Test("an offer lists the candidates and why every other member was skipped")
    func offerExplanation() throws {
        let order: [AgentID] = ["a6", "a2", "a4", "a1", "a3", "a5", "a7", "a8"]
        var configuration = singleQueue(agents: order, strategy: .linear) { $0.wrapUp = .seconds(30) }
        configuration.agents = order.map { id in agent(id, skills: id == "a1" ? ["de": 5] : id == "a5" ? ["de": 1] : [:]) }
        configuration.explainOffers = true
        var harness = try Harness(configuration, readyAgents: order.filter { $0 != "a7" }, spacing: .zero)
        harness.send(.agentStatusChanged("a8", .onBreak("lunch")))
        #expect(harness.arrive("c0").offeredAgents == ["a6"])
        #expect(harness.arrive("cw").offeredAgents == ["a2"])
        harness.complete("cw", by: "a2")
        #expect(harness.arrive("cr").offeredAgents == ["a4"])
        #expect(harness.send(.offerFailed("cr", agent: "a4", reason: .noAnswer)).offeredAgents == ["a1"])
        harness.send(.callerAbandoned("cr"))
        harness.send(.presenceChanged("a3", TeamsPresence(availability: .busy, activity: .inAMeeting), observedAt: harness.now))
        harness.advance(.seconds(18))
        let offer = try #require(harness.arrive("c1", skills: ["de": 3]).compactMap { if case .offer(let offer) = $0 { offer } else { nil } }.first)
        #expect(offer.agents.map(\.id) == ["a1"])
        let explanation = try #require(offer.explanation)
        #expect(explanation.candidates == ["a1"])
        #expect(explanation.skipped == [
            SkippedAgent(agent: "a6", reason: .reserved("c0")),
            SkippedAgent(agent: "a2", reason: .wrapUp(remaining: .seconds(12))),
            SkippedAgent(agent: "a4", reason: .backOff(.noAnswer, remaining: .seconds(12))),
            SkippedAgent(agent: "a3", reason: .presence(TeamsPresence(availability: .busy, activity: .inAMeeting))),
            SkippedAgent(agent: "a5", reason: .notSkilled(skill: "de", required: 3, has: 1)),
            SkippedAgent(agent: "a7", reason: .loggedOut),
            SkippedAgent(agent: "a8", reason: .onBreak("lunch")),
        ])
    }

    @Test("explain ranks candidates by the strategy and shows tiers not yet allowed")
    func explainWaitingCaller() throws {
        let configuration = singleQueue(agents: ["a1", "a2", "a3"]) { queue in
            queue.members = [QueueMember(agent: "a1"), QueueMember(agent: "a2"), QueueMember(agent: "a3", tier: 2)]
            queue.tierRules = [TierRule(after: .seconds(60), tier: 2)]
        }
        var harness = try Harness(configuration, readyAgents: ["a3", "a2", "a1"])
        harness.arrive("c1")
        harness.send(.offerAnswered("c1", agent: "a2"))
        harness.send(.agentStatusChanged("a1", .onBreak("x")))
        harness.arrive("c2")
        let explanation = try #require(harness.engine.explain(callID: "c2", now: harness.now))
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.skipped.map(\.reason) == [.onBreak("x"), .onCall("c1"), .tierNotYetAllowed(tier: 2, allowedTier: 1)])
        harness.send(.agentStatusChanged("a1", .available))
        harness.send(.offerFailed("c2", agent: "a1", reason: .trunkFailure))
        #expect(harness.engine.explain(callID: "c2", now: harness.now + .seconds(60))?.candidates == ["a1", "a3"])
        #expect(harness.engine.explain(callID: "c1", now: harness.now) == nil)
    }
}
