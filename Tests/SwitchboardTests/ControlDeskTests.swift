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
    private func desk(_ harness: CallHarness) -> OneShardDesk {
        OneShardDesk(harness)
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
}
