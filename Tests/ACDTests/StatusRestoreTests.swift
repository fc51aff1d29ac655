@testable import ACD
import Testing

/// Statuses kept across a restart, fed back to a new engine.
@Suite("Agent statuses restored after a restart")
struct StatusRestoreTests {
    private func harness() throws -> Harness {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("meeting")))
        return harness
    }

    @Test("a restored RONA break keeps the agent from calls until it was due, then ends by itself")
    func ronaBreakEndsWhenDue() throws {
        var harness = try harness()
        let until = harness.now + .seconds(90)
        harness.send(.agentStatusRestored("a1", .onBreak(.rona), breakUntil: until))
        harness.arrive("c1")
        #expect(harness.engine.agent("a1")?.status == .onBreak(.rona))
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == until)
        #expect(harness.advance(.seconds(89)).offeredAgents.isEmpty)
        let ended = harness.advance(.seconds(1))
        #expect(ended.contains(.agentStatusChanged("a1", .available)))
        #expect(ended.offeredAgents == ["a1"])
    }

    @Test("a break that was due while the engine was down is over at once")
    func pastBreakIsOver() throws {
        var harness = try harness()
        harness.send(.agentStatusRestored("a1", .onBreak(.rona), breakUntil: harness.now - .seconds(1)))
        #expect(harness.engine.agent("a1")?.status == .available)
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == nil)
    }

    @Test("a break without an end and a log-out stay until changed")
    func openEndedStatuses() throws {
        var harness = try harness()
        harness.send(.agentStatusRestored("a1", .onBreak("lunch"), breakUntil: nil))
        harness.send(.agentStatusRestored("a2", .loggedOut, breakUntil: nil))
        harness.arrive("c1")
        #expect(harness.advance(.seconds(3_600)).offeredAgents.isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak("lunch"))
        #expect(harness.engine.agent("a1")?.ronaBreakUntil == nil)
        #expect(harness.engine.agent("a2")?.status == .loggedOut)
    }
}
