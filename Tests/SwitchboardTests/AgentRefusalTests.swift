import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Agents who do not answer")
struct AgentRefusalTests {
    @Test func ringTimeoutCancelsTheFirstAgentAndOffersTheNext() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let firstAgent = harness.agent(answering: first)
        #expect(harness.receive(firstAgent.response(180)).summary == [])

        #expect(harness.advance(by: TestQueues.ringTimeout - .milliseconds(20)).summary == [])
        let timedOut = harness.advance(by: .milliseconds(40))
        #expect(timedOut.summary == ["CANCEL", "INVITE"])
        let cancel = try #require(timedOut.requests(.cancel).first)
        #expect(cancel.headers.callID == first.headers.callID)
        #expect(cancel.headers.via.first?.branch == first.headers.via.first?.branch)
        #expect(cancel.headers.cseq == SIPCSeq(sequenceNumber: 1, method: .cancel))
        let next = try #require(timedOut.requests(.invite).first)
        #expect(next.number != first.number)
        #expect(Set([first.number, next.number]) == [TestQueues.numbers["alice"], TestQueues.numbers["bob"]])

        #expect(harness.receive(firstAgent.response(to: cancel)).summary == [])
        let terminated = harness.receive(firstAgent.response(487))
        #expect(terminated.summary == ["ACK"])
        #expect(terminated.requests(.ack).first?.headers.via.first?.branch == first.headers.via.first?.branch)

        var call = try answer(next, in: harness, caller: caller)
        try harness.callerHangsUp(&call)
        harness.expectNothingHeldAfterLinger()
    }

    @Test("A refusing agent is passed over; the caller never sees the refusal", arguments: [486, 603, 480])
    func refusalOffersTheNextAgent(statusCode: Int) throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let firstAgent = harness.agent(answering: first)
        #expect(harness.receive(firstAgent.response(180)).summary == [])

        let refused = harness.receive(firstAgent.response(statusCode))
        #expect(refused.summary == ["ACK", "INVITE"])
        let ack = try #require(refused.requests(.ack).first)
        #expect(ack.headers.to.tag == firstAgent.toTag)
        #expect(ack.headers.via.first?.branch == first.headers.via.first?.branch)
        let next = try #require(refused.requests(.invite).first)
        #expect(next.number != first.number)

        var call = try answer(next, in: harness, caller: caller)
        try harness.callerHangsUp(&call)
        harness.expectNothingHeldAfterLinger()
    }

    /// The second agent rings and answers: the caller gets only Switchboard's 200 with that agent's SDP.
    private func answer(_ invite: SIPRequest, in harness: CallHarness, caller: SBCCaller) throws -> ConnectedCall {
        let agent = harness.agent(answering: invite)
        #expect(harness.receive(agent.response(180)).summary == [])
        let answered = harness.receive(agent.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        let ok = try #require(answered.responses.first)
        #expect(ok.body == AgentLeg.answer(for: agent.number))
        let callerDialog = caller.dialog(answeredBy: ok)
        #expect(harness.receive(callerDialog.ack(sequenceNumber: 1)).summary == [])
        return ConnectedCall(caller: caller, callerDialog: callerDialog, agent: agent, agentDialog: agent.dialog(), answer: ok)
    }
}
