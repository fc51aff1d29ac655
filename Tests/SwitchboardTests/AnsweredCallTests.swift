import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Answered calls")
struct AnsweredCallTests {
    @Test func aWaitingCallerHearsRingbackAgainEveryMinuteUntilTheCallEnds() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        let queued = harness.receive(caller.invite)
        #expect(queued.summary == ["100 INVITE", "180 INVITE"])
        let tag = try #require(queued.responses.last?.headers.to.tag)

        #expect(harness.advance(by: .seconds(59)).summary == [])
        let again = harness.advance(by: .seconds(1) + .milliseconds(20))
        #expect(again.summary == ["180 INVITE"])
        #expect(again.responses.first?.headers.to.tag == tag)
        #expect(harness.advance(by: .seconds(60) + .milliseconds(20)).summary == ["180 INVITE"])

        #expect(harness.receive(caller.cancel()).summary == ["200 CANCEL", "487 INVITE"])
        #expect(harness.advance(by: .seconds(120)).summary.allSatisfy { $0 != "180 INVITE" })
    }

    @Test func aQueuesCallerNamePrefixLeadsTheDisplayNameTheAgentSees() throws {
        var queues = TestQueues.configuration
        queues.queues[2].announcements.callerNamePrefix = "[Sales] "
        let harness = try CallHarness(queues: queues)
        let invite = try #require(harness.receive(harness.caller(calling: TestQueues.sales).invite).requests(.invite).first)
        #expect(invite.headers.from.displayName == "[Sales] +15551230000")
        #expect(invite.headers["P-Asserted-Identity"] == ["<sip:+15551230000@\(CallHarness.switchboardHost);user=phone>"])
    }

    @Test func answeredByTheFirstAgentThenTheCallerHangsUp() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)

        let queued = harness.receive(caller.invite)
        #expect(queued.summary == ["100 INVITE", "180 INVITE", "INVITE"])
        #expect(queued.allSent(to: harness.sbc))
        let ringing = try #require(queued.responses.last)
        let callerTag = try #require(ringing.headers.to.tag)
        #expect(ringing.headers.recordRoute == caller.invite.headers.recordRoute)

        let invite = try #require(queued.requests(.invite).first)
        #expect(invite.requestURI.description == "sip:+15550203@\(CallHarness.sbcHost);user=phone")
        #expect(invite.headers.to.uri == invite.requestURI)
        #expect(invite.headers["P-Asserted-Identity"] == ["<sip:+15551230000@\(CallHarness.switchboardHost);user=phone>"])
        #expect(invite.headers.from.displayName == "sales +15551230000")
        #expect(invite.headers.callID != caller.callID)
        #expect(invite.headers.cseq == SIPCSeq(sequenceNumber: 1, method: .invite))
        #expect(invite.headers["Replaces"].isEmpty)
        #expect(invite.headers.contentType == "application/sdp")
        #expect(invite.body == SBCCaller.offer)

        let agent = harness.agent(answering: invite)
        #expect(harness.receive(agent.response(100)).summary == [])
        #expect(harness.receive(agent.response(180)).summary == [])

        let answered = harness.receive(agent.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        let ack = try #require(answered.requests(.ack).first)
        #expect(ack.headers.callID == invite.headers.callID)
        #expect(ack.headers.to.tag == agent.toTag)
        #expect(ack.headers.cseq == SIPCSeq(sequenceNumber: 1, method: .ack))
        let ok = try #require(answered.responses.first)
        #expect(ok.headers.to.tag == callerTag)
        #expect(ok.headers.callID == caller.callID)
        #expect(ok.headers.contact.first?.uri.host == CallHarness.switchboardHost)
        #expect(ok.headers.recordRoute == caller.invite.headers.recordRoute)
        #expect(ok.body == AgentLeg.answer(for: "+15550203"))

        var callerDialog = caller.dialog(answeredBy: ok)
        #expect(harness.receive(callerDialog.ack(sequenceNumber: 1)).summary == [])

        let hangUp = harness.receive(callerDialog.request(.bye))
        #expect(hangUp.summary == ["200 BYE", "BYE"])
        let bye = try #require(hangUp.requests(.bye).first)
        #expect(bye.headers.callID == invite.headers.callID)
        #expect(bye.headers.from.tag == invite.headers.from.tag)
        #expect(bye.headers.to.tag == agent.toTag)
        #expect(bye.headers.cseq == SIPCSeq(sequenceNumber: 2, method: .bye))
        #expect(harness.receive(agent.response(to: bye)).summary == [])

        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .caller)])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func theAgentHangsUp() throws {
        let harness = try CallHarness()
        var call = try harness.connect()

        let hangUp = harness.receive(call.agentDialog.request(.bye))
        #expect(hangUp.summary == ["200 BYE", "BYE"])
        let bye = try #require(hangUp.requests(.bye).first)
        #expect(bye.headers.callID == call.caller.callID)
        #expect(bye.headers.from.tag == call.answer.headers.to.tag)
        #expect(bye.headers.to.tag == call.caller.invite.headers.from.tag)
        #expect(bye.requestURI == call.caller.invite.headers.contact.first?.uri)
        #expect(harness.receive(call.callerDialog.response(to: bye)).summary == [])

        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .agent)])
        harness.expectNothingHeldAfterLinger()
    }
}
