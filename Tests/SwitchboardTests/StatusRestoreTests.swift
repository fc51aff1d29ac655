import ACD
import CallStore
import Foundation
@testable import Switchboard
import Testing

@Suite("Agent statuses from the store, fed to the engine at start")
struct StoredStatusRestoreTests {
    @Test("a break without an end stays, a RONA break ends when due, one due during the downtime is over and stored as ended (UNPAUSE)")
    func restore() throws {
        let now = ACDCallDistributor.date(CallHarness.epoch)
        let statuses = [
            AgentStatusRecord(agent: "alice", status: .onBreak, reason: "lunch", since: now.addingTimeInterval(-600)),
            AgentStatusRecord(agent: "bob", status: .onBreak, reason: "RONA", since: now.addingTimeInterval(-60),
                              until: now.addingTimeInterval(240)),
            AgentStatusRecord(agent: "carol", status: .onBreak, reason: "RONA", since: now.addingTimeInterval(-400),
                              until: now.addingTimeInterval(-100)),
        ]
        let stored = try StoredHarness(restored: statuses)
        defer { stored.remove() }
        #expect(stored.harness.router.now == .zero)
        SwitchboardCoordinator.restore(statuses, into: stored.harness.distributor, recorder: stored.recorder, now: now)

        #expect(stored.harness.distributor.agent("alice")?.status == .onBreak("lunch"))
        #expect(stored.harness.distributor.agent("alice")?.ronaBreakUntil == nil)
        #expect(stored.harness.distributor.agent("bob")?.status == .onBreak(.rona))
        #expect(stored.harness.distributor.agent("carol")?.status == .available)
        stored.writer.flush()
        #expect(try stored.store.agentStatuses() == [AgentStatusRecord(agent: "carol", status: .available, since: now)])
        #expect(try stored.events() == ["NONE|sales|carol|UNPAUSE|RONA"])

        stored.harness.advance(by: .seconds(240))
        #expect(stored.harness.distributor.agent("bob")?.status == .available)
        stored.writer.flush()
        #expect(try stored.store.agentStatuses().map(\.status) == [.available, .available])
        #expect(try stored.events().last == "NONE|support|bob|UNPAUSE|RONA")
    }
}
