import CallStore
import Foundation
import Testing

@Suite("SQLite store across a restart: open calls closed, agent statuses kept")
struct RestartTests {
    @Test("rows a crash left open are closed as interrupted at the restart time; ended rows are untouched")
    func interruptedCalls() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        let ended = completedCall("ended", at: 0)
        let waiting = CallDetailRecord(callID: "waiting", callerNumber: "+15551230001", queue: "support", arrivedAt: instant(10))
        let talking = CallDetailRecord(callID: "talking", callerNumber: "+15551230002", queue: "support", agent: "bob",
                                       arrivedAt: instant(20), firstOfferAt: instant(21), answeredAt: instant(25))
        try temporary.open().apply([.call(ended), .call(waiting), .call(talking)])

        let restarted = try temporary.open()
        #expect(try restarted.closeInterruptedCalls(at: instant(100)) == 2)
        let rows = Dictionary(uniqueKeysWithValues: try restarted.callRecords(matching: CallRecordQuery()).map { ($0.callID, $0) })
        #expect(rows["ended"] == ended)
        for id in ["waiting", "talking"] {
            #expect(rows[id]?.outcome == .interrupted)
            #expect(rows[id]?.endedAt == instant(100))
            #expect(rows[id]?.endedBy == .switchboard)
            #expect(rows[id]?.cause == "restart")
        }
        #expect(rows["talking"]?.agent == "bob")
        #expect(rows["talking"]?.answeredAt == instant(25))
        #expect(try restarted.closeInterruptedCalls(at: instant(200)) == 0)
    }

    @Test("the last status of each agent is kept: a break with its reason and end, a log-out, a return to available")
    func agentStatuses() throws {
        let temporary = try TemporaryStore()
        defer { temporary.remove() }
        try temporary.open().apply([
            .agentStatus(AgentStatusRecord(agent: "alice", status: .onBreak, reason: "lunch", since: instant(0))),
            .agentStatus(AgentStatusRecord(agent: "bob", status: .onBreak, reason: "RONA", since: instant(5), until: instant(305))),
            .agentStatus(AgentStatusRecord(agent: "carol", status: .loggedOut, since: instant(7))),
            .agentStatus(AgentStatusRecord(agent: "alice", status: .available, since: instant(60))),
        ])
        let statuses = try temporary.open().agentStatuses()
        #expect(statuses == [
            AgentStatusRecord(agent: "alice", status: .available, since: instant(60)),
            AgentStatusRecord(agent: "bob", status: .onBreak, reason: "RONA", since: instant(5), until: instant(305)),
            AgentStatusRecord(agent: "carol", status: .loggedOut, since: instant(7)),
        ])
        #expect(statuses.map(\.isPaused) == [false, true, false])
    }
}
