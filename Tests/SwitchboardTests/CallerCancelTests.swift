import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Callers who give up, callers who retransmit")
struct CallerCancelTests {
    @Test func cancelWhileQueuedGets200And487AndNoAgentIsRung() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        let queued = harness.receive(caller.invite)
        #expect(queued.summary == ["100 INVITE", "180 INVITE"])
        #expect(harness.advance(by: .seconds(5)).summary == [])

        let cancelled = harness.receive(caller.cancel())
        #expect(cancelled.summary == ["200 CANCEL", "487 INVITE"])
        #expect(cancelled.allSent(to: harness.sbc))
        let terminated = try #require(cancelled.responses.last)
        #expect(terminated.headers.to.tag == queued.responses.last?.headers.to.tag)
        #expect(harness.receive(caller.ack(forFailure: terminated)).summary == [])

        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: nil)])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func cancelWhileAnAgentRingsCancelsTheBLeg() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)
        let invite = try #require(harness.receive(caller.invite).requests(.invite).first)
        let agent = harness.agent(answering: invite)
        #expect(harness.receive(agent.response(180)).summary == [])

        let cancelled = harness.receive(caller.cancel())
        #expect(cancelled.summary == ["200 CANCEL", "CANCEL", "487 INVITE"])
        let cancel = try #require(cancelled.requests(.cancel).first)
        #expect(cancel.headers.callID == invite.headers.callID)
        #expect(cancel.headers.via.first?.branch == invite.headers.via.first?.branch)
        #expect(cancel.requestURI == invite.requestURI)
        let terminated = try #require(cancelled.responses.last)
        #expect(harness.receive(caller.ack(forFailure: terminated)).summary == [])

        #expect(harness.receive(agent.response(to: cancel)).summary == [])
        #expect(harness.receive(agent.response(487)).summary == ["ACK"])

        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: "carol")])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aRetransmittedInviteWhileQueuedIsAbsorbed() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)
        let queued = harness.receive(caller.invite)
        #expect(queued.summary == ["100 INVITE", "180 INVITE", "INVITE"])
        let invite = try #require(queued.requests(.invite).first)
        let agent = harness.agent(answering: invite)
        #expect(harness.receive(agent.response(180)).summary == [])

        let retransmitted = harness.receive(caller.invite)
        #expect(retransmitted.summary == ["180 INVITE"])
        #expect(retransmitted.responses.first?.headers.to.tag == queued.responses.last?.headers.to.tag)

        let answered = harness.receive(agent.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        let ok = try #require(answered.responses.first)
        var call = ConnectedCall(caller: caller, callerDialog: caller.dialog(answeredBy: ok), agent: agent,
                                 agentDialog: agent.dialog(), answer: ok)
        #expect(harness.receive(call.callerDialog.ack(sequenceNumber: 1)).summary == [])
        try harness.callerHangsUp(&call)
        #expect(harness.router.liveCounts.calls == 0)
        harness.expectNothingHeldAfterLinger()
    }
}
