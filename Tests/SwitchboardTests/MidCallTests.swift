import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Requests inside a connected call")
struct MidCallTests {
    @Test func reINVITEHoldAndResumeFromTheAgentAreRelayedWithTheirSDP() throws {
        let harness = try CallHarness()
        var call = try harness.connect()

        for (version, direction, answer) in [(2, "sendonly", "recvonly"), (3, "sendrecv", "sendrecv")] {
            let offer = SIPTestMessages.sdp(owner: "teams", sessionID: 2001, version: version, session: "agent", port: 7000, direction: direction)
            let reinvite = call.agentDialog.reINVITE(sdp: offer)
            let relayed = harness.receive(reinvite)
            #expect(relayed.summary == ["INVITE"])
            let toCaller = try #require(relayed.requests(.invite).first)
            #expect(toCaller.headers.callID == call.caller.callID)
            #expect(toCaller.headers.from.tag == call.answer.headers.to.tag)
            #expect(toCaller.headers.to.tag == call.caller.invite.headers.from.tag)
            #expect(toCaller.requestURI == call.caller.invite.headers.contact.first?.uri)
            #expect(toCaller.body == offer)

            let callerAnswer = SIPTestMessages.sdp(owner: "pstn", sessionID: 1001, version: version, session: "pstn caller", port: 6000,
                                                   direction: answer)
            let answered = harness.receive(call.callerDialog.response(to: toCaller, sdp: callerAnswer))
            #expect(answered.summary == ["ACK", "200 INVITE"])
            let ack = try #require(answered.requests(.ack).first)
            #expect(ack.headers.cseq == SIPCSeq(sequenceNumber: toCaller.headers.cseq.sequenceNumber, method: .ack))
            #expect(ack.headers.callID == call.caller.callID)
            let ok = try #require(answered.responses.first)
            #expect(ok.headers.cseq == reinvite.headers.cseq)
            #expect(ok.headers.callID == call.agent.invite.headers.callID)
            #expect(ok.body == callerAnswer)
            #expect(harness.receive(call.agentDialog.ack(sequenceNumber: reinvite.headers.cseq.sequenceNumber)).summary == [])
        }

        try harness.callerHangsUp(&call)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func updateRefreshFromTheAgentIsRelayedAndAnswered() throws {
        let harness = try CallHarness()
        var call = try harness.connect()

        let update = call.agentDialog.request(.update, headers: [SIPHeaderField(name: "Session-Expires", value: "1800;refresher=uac"),
                                                                 SIPHeaderField(name: "Supported", value: "timer")])
        let relayed = harness.receive(update)
        #expect(relayed.summary == ["UPDATE"])
        let toCaller = try #require(relayed.requests(.update).first)
        #expect(toCaller.headers.callID == call.caller.callID)
        #expect(toCaller.headers.to.tag == call.caller.invite.headers.from.tag)
        #expect(toCaller.body.isEmpty)

        let answered = harness.receive(call.callerDialog.response(to: toCaller))
        #expect(answered.summary == ["200 UPDATE"])
        let ok = try #require(answered.responses.first)
        #expect(ok.headers.cseq == update.headers.cseq)
        #expect(ok.headers["Session-Expires"].first?.hasPrefix("1800") == true)
        #expect(ok.body.isEmpty)

        try harness.callerHangsUp(&call)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func forkedAnswersConnectOneForkAndHangUpALateSecond200() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.sales)
        let invite = try #require(harness.receive(caller.invite).requests(.invite).first)
        let forkA = harness.agent(answering: invite, toTag: "fork-a")
        let forkB = harness.agent(answering: invite, toTag: "fork-b")
        let earlyMedia = SIPTestMessages.sdp(owner: "teams", sessionID: 3001, session: "early media", port: 7100)

        #expect(harness.receive(forkA.response(180)).summary == [])
        #expect(harness.receive(forkB.response(180)).summary == [])
        #expect(harness.receive(forkB.response(183, sdp: earlyMedia)).summary == [])

        let answered = harness.receive(forkA.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        #expect(answered.requests(.ack).first?.headers.to.tag == "fork-a")
        let ok = try #require(answered.responses.first)
        #expect(ok.body == AgentLeg.answer(for: forkA.number))
        var call = ConnectedCall(caller: caller, callerDialog: caller.dialog(answeredBy: ok), agent: forkA, agentDialog: forkA.dialog(), answer: ok)
        #expect(harness.receive(call.callerDialog.ack(sequenceNumber: 1)).summary == [])

        let late = harness.receive(forkB.ok(sdp: earlyMedia))
        #expect(late.summary == ["ACK", "BYE"])
        #expect(late.compactMap(\.request).map(\.headers.to.tag) == ["fork-b", "fork-b"])
        let bye = try #require(late.requests(.bye).first)
        #expect(harness.receive(forkB.response(to: bye)).summary == [])

        try harness.callerHangsUp(&call)
        harness.expectNothingHeldAfterLinger()
    }
}
