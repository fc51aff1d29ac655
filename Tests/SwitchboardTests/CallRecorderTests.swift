import ACD
import CallStore
import Foundation
import SIPCore
@testable import Switchboard
import SwitchboardTestKit
import Testing

@Suite("Call records, offer attempts and the queue log of real call flows")
struct CallRecorderTests {
    @Test("an answered call: one completed record, one answered attempt, ENTERQUEUE, CONNECT, COMPLETECALLER")
    func answeredCall() throws {
        let stored = try StoredHarness()
        defer { stored.remove() }
        var call = try stored.harness.connect(calling: TestQueues.sales)
        stored.harness.advance(by: .seconds(30))
        try stored.harness.callerHangsUp(&call)

        let record = try #require(try stored.stored().calls.first)
        #expect(record.callID == call.caller.callID)
        #expect(record.callerNumber == "+15551230000")
        #expect(record.dialedNumber == TestQueues.sales)
        #expect(record.queue == "sales")
        #expect(record.agent == "carol")
        #expect(record.outcome == .completed)
        #expect(record.endedBy == .caller)
        #expect(record.cause == "BYE")
        #expect(record.firstOfferAt != nil)
        #expect(record.talkSeconds == 30)
        let attempts = try stored.store.offerAttempts(callID: record.callID, arrivedAt: record.arrivedAt)
        #expect(attempts.map(\.result) == [.answered])
        #expect(attempts.first?.ringingAt != nil)
        let id = call.caller.callID
        #expect(try stored.events() == [
            "\(id)|sales|NONE|ENTERQUEUE||+15551230000|1",
            "\(id)|sales|carol|CONNECT|0||0",
            "\(id)|sales|carol|COMPLETECALLER|0|30|1",
        ])
    }

    @Test("a ring timeout and a decline before the answer: one attempt each, in order, RINGNOANSWER with the ring time in ms")
    func failedOffers() throws {
        let stored = try StoredHarness()
        defer { stored.remove() }
        let harness = stored.harness
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let firstAgent = harness.agent(answering: first)
        harness.receive(firstAgent.response(180))
        let next = harness.advance(by: TestQueues.ringTimeout)
        let cancel = try #require(next.requests(.cancel).first)
        harness.receive(firstAgent.response(to: cancel))
        harness.receive(firstAgent.response(487))
        let second = try #require(next.requests(.invite).first)
        let secondAgent = harness.agent(answering: second)
        harness.receive(secondAgent.response(603))

        let record = try #require(try stored.stored().calls.first)
        #expect(record.outcome == .inProgress)
        let attempts = try stored.store.offerAttempts(callID: caller.callID, arrivedAt: record.arrivedAt)
        #expect(attempts.map(\.result) == [.noAnswer, .declined])
        #expect(attempts.map(\.sequence) == [1, 2])
        #expect(Set(attempts.map(\.agent)) == ["alice", "bob"])
        let lines = try stored.events()
        #expect(lines.count == 3)
        #expect(lines.dropFirst().map { $0.split(separator: "|").dropFirst(3).joined(separator: "|") }
            == ["RINGNOANSWER|4000", "RINGNOANSWER|0"])
    }

    @Test("the caller hangs up while an agent rings: abandoned by the caller, RINGCANCELED and ABANDON")
    func abandonedWhileRinging() throws {
        let stored = try StoredHarness()
        defer { stored.remove() }
        let harness = stored.harness
        let caller = harness.caller(calling: TestQueues.sales)
        let invite = try #require(harness.receive(caller.invite).requests(.invite).first)
        let agent = harness.agent(answering: invite)
        harness.receive(agent.response(180))
        harness.advance(by: .seconds(7))
        let cancelled = harness.receive(caller.cancel())
        let cancel = try #require(cancelled.requests(.cancel).first)
        harness.receive(agent.response(to: cancel))
        harness.receive(agent.response(487))

        let record = try #require(try stored.stored().calls.first)
        #expect(record.outcome == .abandoned)
        #expect(record.endedBy == .caller)
        #expect(record.cause == "CANCEL")
        #expect(record.waitSeconds == 7)
        #expect(record.talkSeconds == 0)
        #expect(try stored.store.offerAttempts(callID: caller.callID, arrivedAt: record.arrivedAt).map(\.result) == [.callerLeft])
        let id = caller.callID
        #expect(try stored.events() == [
            "\(id)|sales|NONE|ENTERQUEUE||+15551230000|1",
            "\(id)|sales|carol|RINGCANCELED",
            "\(id)|sales|NONE|ABANDON|1|1|7",
        ])
    }

    @Test("a caller who waits too long: released by Switchboard with the 480, EXITWITHTIMEOUT with the wait")
    func timedOut() throws {
        let lobby = QueueConfiguration(id: "lobby", numbers: [TestQueues.lobby], members: [], maxWait: .seconds(10))
        let stored = try StoredHarness(queues: ACDConfiguration(queues: [lobby], agents: []))
        defer { stored.remove() }
        let harness = stored.harness
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.receive(caller.invite)
        let released = harness.advance(by: .seconds(10))
        let final = try #require(released.responses.last)
        #expect(final.statusCode == 480)
        harness.receive(caller.ack(forFailure: final))

        let record = try #require(try stored.stored().calls.first)
        #expect(record.outcome == .released)
        #expect(record.endedBy == .switchboard)
        #expect(record.cause == "480 Queue timeout")
        #expect(record.waitSeconds == 10)
        #expect(record.agent == nil)
        #expect(try stored.events() == [
            "\(caller.callID)|lobby|NONE|ENTERQUEUE||+15551230000|1",
            "\(caller.callID)|lobby|NONE|EXITWITHTIMEOUT|1|1|10",
        ])
    }

    @Test("a supervisor's pause and resume reach the store: agent status, PAUSE and UNPAUSE with the reason")
    func supervisorPauseIsStored() throws {
        let stored = try StoredHarness()
        defer { stored.remove() }
        let distributor = stored.harness.distributor
        _ = distributor.supervise(.agentStatusChanged("alice", .onBreak(BreakReason("lunch"))))
        stored.writer.flush()
        let paused = try #require(try stored.store.agentStatuses().first { $0.agent == "alice" })
        #expect(paused.status == .onBreak)
        #expect(paused.reason == "lunch")

        _ = distributor.supervise(.agentStatusChanged("alice", .available))
        let events = try stored.events()
        #expect(events.contains("NONE|support|alice|PAUSE|lunch"))
        #expect(events.contains("NONE|support|alice|UNPAUSE|lunch"))
        #expect(try stored.store.agentStatuses().first { $0.agent == "alice" }?.status == .available)
    }
}
