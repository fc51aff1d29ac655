@testable import ACD
import Testing

@Suite("The exit key of a caller's current queue")
struct ExitKeyTests {
    @Test("a waiting caller has the exit key of the queue they wait in now; an answered or unknown caller has none")
    func exitKeyFollowsTheCaller() throws {
        var first = QueueConfiguration(id: "q1", numbers: ["+100"], members: [QueueMember(agent: "a1")],
                                       overflowTargets: [.exitKey: .queue("q2", keepPosition: true)])
        first.exitKey = "0"
        var second = QueueConfiguration(id: "q2", numbers: ["+200"], members: [QueueMember(agent: "a1")],
                                        overflowTargets: [.exitKey: .hangUp(announcement: nil)])
        second.exitKey = "#"
        var harness = try Harness(ACDConfiguration(queues: [first, second, QueueConfiguration(id: "q3", numbers: ["+300"], members: [])],
                                                   agents: [agent("a1")]))
        harness.arrive("c1", queue: "+100")
        harness.arrive("c3", queue: "+300")
        #expect(harness.engine.exitKey(of: "c1") == "0")
        #expect(harness.engine.exitKey(of: "c3") == nil, "a queue without an exit key")
        #expect(harness.send(.callerPressedExitKey("c1")).overflows.map(\.target) == [.queue("q2", keepPosition: true)])
        #expect(harness.engine.exitKey(of: "c1") == "#", "after the move, the key of the new queue")
        let ready = harness.send(.presenceChanged("a1", .available, observedAt: harness.now)) + harness.send(.agentStatusChanged("a1", .available))
        #expect(ready.offers.map(\.call) == ["c1"])
        #expect(harness.engine.exitKey(of: "c1") == "#", "still waiting while the agent rings")
        harness.send(.offerAnswered("c1", agent: "a1"))
        #expect(harness.engine.exitKey(of: "c1") == nil, "answered: no key leaves the queue")
        #expect(harness.engine.exitKey(of: "gone") == nil)
    }
}
