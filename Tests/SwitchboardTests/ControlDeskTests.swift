import ACD
import ControlAPI
import ControlModel
@testable import Switchboard
import SwitchboardTestKit
import Testing

/// The control API's reads and actions against the real router and engine, on the loopback
/// transport and the virtual clock.
@Suite("Control desk: queues, agents, calls and supervisor actions")
struct ControlDeskTests {
    private func desk(_ harness: CallHarness) -> ControlDesk {
        ControlDesk(router: harness.router, distributor: harness.distributor)
    }

    @Test("agents paused: the caller waits at position 1, explain names both breaks; resume rings the agent at once")
    func pausedAgentsAndResume() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        for agent in ["alice", "bob"] {
            let paused = try desk.perform(.pause(reason: "lunch"), agent: agent)
            #expect(paused.status == "onBreak" && paused.breakReason == "lunch")
            #expect(!paused.routable && paused.why == "on a break (lunch)")
        }
        let caller = harness.caller(calling: TestQueues.support)
        #expect(harness.receive(caller.invite).summary == ["100 INVITE", "180 INVITE"])
        harness.advance(by: .seconds(3))

        let queue = try desk.queue("support")
        #expect(queue.waiting.map(\.position) == [1])
        #expect(queue.waiting.first?.callID == caller.invite.headers.callID)
        #expect(queue.waiting.first?.waitedSeconds == 3)
        #expect(queue.ready == 0 && queue.staffed == 0)
        let explanation = try desk.explain(call: caller.invite.headers.callID)
        #expect(explanation.candidates.isEmpty)
        #expect(explanation.skipped.map(\.reason.code) == ["onBreak", "onBreak"])
        #expect(try desk.call(caller.invite.headers.callID).state == "waiting")

        let resumed = try desk.perform(.resume, agent: "alice")
        #expect(resumed.status == "available")
        let offer = harness.sender.takeSent()
        #expect(offer.requests(.invite).first?.number == TestQueues.numbers["alice"])
        let ringing = try desk.call(caller.invite.headers.callID)
        #expect(ringing.state == "ringing")
        #expect(ringing.ringing.map(\.agentID) == ["alice"])
        #expect(try desk.agent("alice").state == "reserved")
    }

    @Test("a connected call: both legs, the agent on it, one call today; hang-up sends BYE on both legs")
    func connectedCallHangUp() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        let call = try harness.connect()
        let id = call.caller.invite.headers.callID
        let view = try desk.call(id)
        #expect(view.state == "connected")
        #expect(view.agentLeg?.agentID == "carol")
        #expect(view.agentLeg?.sipCallID == call.agent.invite.headers.callID)
        #expect(view.callerLeg == CallerLegView(sipCallID: id, from: "udp:\(CallHarness.sbcHost):5060", answered: true))
        let carol = try desk.agent("carol")
        #expect(carol.state == "onCall" && carol.callID == id)
        #expect(carol.callsToday == 1)

        #expect(try desk.perform(.hangUp, call: id).message == "BYE sent on both legs")
        #expect(harness.sender.takeSent().summary == ["BYE", "BYE"])
        #expect(throws: ControlError.notFound(field: "call", value: id)) { try desk.perform(.hangUp, call: id) }
    }

    @Test("a waiting caller is hung up with 480, and no longer listed")
    func waitingCallerHangUp() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.receive(caller.invite)
        #expect(try desk.perform(.hangUp, call: caller.invite.headers.callID).message == "caller released with 480")
        #expect(harness.sender.takeSent().summary == ["480 INVITE"])
        #expect(desk.calls().isEmpty)
        #expect(try desk.queue("lobby").waiting.isEmpty)
    }

    @Test("priority reorders the waiting callers; withdraw to another queue moves one")
    func priorityAndWithdraw() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        let first = harness.caller(calling: TestQueues.lobby)
        let second = harness.caller(calling: TestQueues.lobby)
        harness.receive(first.invite)
        harness.receive(second.invite)
        _ = try desk.perform(.reprioritize(5), call: second.invite.headers.callID)
        #expect(try desk.queue("lobby").waiting.map(\.callID) == [second.invite.headers.callID, first.invite.headers.callID])

        #expect(throws: ControlError.badRequest(field: "queue", message: #"no queue "nowhere""#)) {
            try desk.perform(.withdraw(.queue("nowhere", keepPosition: false)), call: first.invite.headers.callID)
        }
        _ = try desk.perform(.pause(reason: "meeting"), agent: "carol")
        _ = try desk.perform(.withdraw(.queue("sales", keepPosition: true)), call: first.invite.headers.callID)
        #expect(try desk.queue("sales").waiting.map(\.callID) == [first.invite.headers.callID])
        #expect(try desk.queue("lobby").waiting.map(\.callID) == [second.invite.headers.callID])
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

    @Test("the emergency switch of one queue, then of all; an unknown queue is not found")
    func emergency() throws {
        let harness = try CallHarness()
        let desk = desk(harness)
        #expect(try desk.setEmergency(queue: "support", active: true).map(\.state) == ["emergency"])
        #expect(desk.queues().map(\.state) == ["emergency", "open", "open"])
        #expect(try desk.setEmergency(queue: nil, active: true).map(\.state) == ["emergency", "emergency", "emergency"])
        #expect(try desk.setEmergency(queue: nil, active: false).map(\.emergency) == [false, false, false])
        #expect(throws: ControlError.notFound(field: "queue", value: "nowhere")) { try desk.setEmergency(queue: "nowhere", active: true) }
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
