import ACD
import ControlAPI
import ControlModel
@testable import Switchboard
import SwitchboardTestKit
import Testing

/// The control desk's agent actions and refusals, against the real router and engine.
@Suite("Control desk: agent actions, refusals, why")
struct ControlDeskAgentTests {
    private func desk(_ harness: CallHarness) -> OneShardDesk {
        OneShardDesk(harness)
    }

    @Test("actions the state does not allow are conflicts; unknown ids are not found")
    func refusals() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        #expect(throws: ControlError.conflict(field: "agent", message: "agent alice is already logged in")) { try desk.perform(.login, agent: "alice") }
        #expect(throws: ControlError.conflict(field: "agent", message: "agent alice is not on a break")) { try desk.perform(.resume, agent: "alice") }
        #expect(throws: ControlError.conflict(field: "agent", message: "agent alice is neither on a break nor in wrap-up")) {
            try desk.perform(.endBreak, agent: "alice")
        }
        #expect(try desk.perform(.logout, agent: "alice").status == "loggedOut")
        #expect(throws: ControlError.conflict(field: "agent", message: "agent alice is logged out: log in first")) {
            try desk.perform(.pause(reason: "lunch"), agent: "alice")
        }
        #expect(try desk.perform(.login, agent: "alice").status == "available")
        #expect(throws: ControlError.notFound(field: "agent", value: "zed")) { try desk.agent("zed") }
        #expect(throws: ControlError.notFound(field: "queue", value: "nowhere")) { try desk.queue("nowhere") }
        #expect(throws: ControlError.notFound(field: "call", value: "c9")) { try desk.explain(call: "c9") }
        #expect(throws: ControlError.notFound(field: "call", value: "c9")) { try desk.perform(.reprioritize(1), call: "c9") }

        let call = try harness.connect()
        let id = call.caller.invite.headers.callID
        #expect(throws: ControlError.conflict(field: "call", message: "call \(id) is not waiting in a queue (connected)")) { try desk.explain(call: id) }
        #expect(throws: ControlError.conflict(field: "call", message: "call \(id) is not waiting in a queue (connected)")) {
            try desk.perform(.withdraw(nil), call: id)
        }
    }

    @Test("a RONA break of zero seconds lasts until end-break, which makes the agent available and offered again")
    func endlessRONABreakEnds() throws {
        var configuration = TestQueues.configuration
        configuration.rona = RONAConfiguration(missLimit: 1, backOff: [:], breakDuration: .zero)
        let harness = try CallHarness(queues: configuration)
        let desk = desk(harness)
        _ = try desk.perform(.pause(reason: "meeting"), agent: "bob")
        let caller = harness.caller(calling: TestQueues.support)
        let invite = try #require(harness.receive(caller.invite).requests(.invite).first)
        harness.receive(harness.agent(answering: invite).response(180))
        harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))

        let alice = try desk.agent("alice")
        #expect(alice.status == "onBreak" && alice.breakReason == "RONA")
        #expect(alice.ronaBreakEndsAt == nil)
        #expect(alice.why == "on a RONA break after missed offers")
        harness.advance(by: .seconds(60))
        #expect(try desk.agent("alice").status == "onBreak")

        #expect(try desk.perform(.endBreak, agent: "alice").status == "available")
        #expect(harness.sender.takeSent().requests(.invite).first?.number == TestQueues.numbers["alice"])
    }

    @Test("why: one reason for every queue, or the queues apart")
    func why() {
        let presence = ReasonView(code: "presence", text: "Teams presence Busy/InACall is not routable here")
        #expect(ControlDesk.why([AgentQueueView(queue: "a", routable: true, reason: nil), AgentQueueView(queue: "b", routable: true, reason: nil)])
            == "ready for a, b")
        #expect(ControlDesk.why([AgentQueueView(queue: "a", routable: true, reason: nil), AgentQueueView(queue: "b", routable: false, reason: presence)])
            == "ready for a; not for b: Teams presence Busy/InACall is not routable here")
        #expect(ControlDesk.why([AgentQueueView(queue: "a", routable: false, reason: ReasonView(code: "onCall", text: "on call c1")),
                                 AgentQueueView(queue: "b", routable: false, reason: presence)])
            == "a: on call c1; b: Teams presence Busy/InACall is not routable here")
    }
}
