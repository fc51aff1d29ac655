@testable import ACD
import Testing

/// A RONA break ends by itself after ``RONAConfiguration/breakDuration``, on the engine's mock clock.
@Suite("RONA breaks end by themselves")
struct RONABreakTests {
    /// Puts a1 on a RONA break at the harness's `now` (a2 is on a meeting break, so only a1 is offered).
    private func harnessWithRONABreak(breakDuration: Duration) throws -> Harness {
        let rona = RONAConfiguration(missLimit: 1, backOff: [:], breakDuration: breakDuration)
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], rona: rona), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("meeting")))
        harness.arrive("c1")
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer)).contains(.agentStatusChanged("a1", .onBreak(.rona))))
        return harness
    }

    @Test("the agent is Available again after the break, and the waiting caller is offered at once",
          arguments: [Duration.seconds(1), .seconds(60), .seconds(240)])
    func breakEnds(breakDuration: Duration) throws {
        var harness = try harnessWithRONABreak(breakDuration: breakDuration)
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == harness.now + breakDuration)
        #expect(harness.advance(breakDuration - .milliseconds(1)).isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak(.rona))
        let ended = harness.advance(.milliseconds(1))
        #expect(ended.contains(.agentStatusChanged("a1", .available)))
        #expect(ended.offeredAgents == ["a1"])
        #expect(harness.engine.agent("a1")?.status == .available)
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == nil)
        #expect(harness.engine.agent("a1")?.consecutiveMisses == 0)
    }

    @Test("a status set during the break is the agent's or a supervisor's: the break's end leaves it alone")
    func laterStatusWins() throws {
        var harness = try harnessWithRONABreak(breakDuration: .seconds(60))
        harness.advance(.seconds(10))
        harness.send(.agentStatusChanged("a1", .onBreak("lunch")))
        #expect(harness.advance(.seconds(60)).isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak("lunch"))
    }

    @Test("a second RONA break gets its own full length")
    func secondBreak() throws {
        var harness = try harnessWithRONABreak(breakDuration: .seconds(60))
        harness.advance(.seconds(60))
        harness.advance(.seconds(20))
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer)).contains(.agentStatusChanged("a1", .onBreak(.rona))))
        #expect(harness.advance(.seconds(40)).isEmpty, "the first break's timer does not end the second")
        #expect(harness.advance(.seconds(20)).contains(.agentStatusChanged("a1", .available)))
    }

    @Test("a break of zero seconds lasts until a supervisor ends it with Available")
    func endlessBreakEndsOnlyWhenEnded() throws {
        var harness = try harnessWithRONABreak(breakDuration: .zero)
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == nil)
        #expect(harness.advance(.seconds(86_400)).isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak(.rona))
        #expect(harness.send(.presenceChanged("a1", .available, observedAt: harness.now)).isEmpty)
        let ended = harness.send(.agentStatusChanged("a1", .available))
        #expect(ended.offeredAgents == ["a1"])
        #expect(harness.engine.agent("a1")?.status == .available)
    }
}

