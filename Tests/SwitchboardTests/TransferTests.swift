import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Blind transfer")
struct TransferTests {
    @Test func referToAnotherQueueNumberOffersTheCallerToThatQueue() throws {
        let harness = try CallHarness()
        var call = try harness.connect(calling: TestQueues.support)
        let transferor = call.agent

        let refer = call.agentDialog.request(.refer, headers: [
            SIPHeaderField(name: "Refer-To", value: "<sip:\(TestQueues.sales)@\(CallHarness.sbcHost);user=phone>"),
            SIPHeaderField(name: "Referred-By", value: "<sip:\(transferor.number)@\(CallHarness.sbcHost);user=phone>"),
        ])
        let accepted = harness.receive(refer)
        #expect(accepted.summary == ["202 REFER", "NOTIFY", "INVITE"])
        let notify = try #require(accepted.requests(.notify).first)
        #expect(notify.headers.callID == transferor.invite.headers.callID)
        #expect(notify.headers.to.tag == transferor.toTag)
        #expect(notify.headers["Event"] == ["refer"])
        #expect(notify.headers.contentType == "message/sipfrag;version=2.0")
        #expect(notify.body == Array("SIP/2.0 200 OK\r\n".utf8))
        #expect(notify.headers["Subscription-State"].first?.hasPrefix("terminated") == true)
        let invite = try #require(accepted.requests(.invite).first)
        #expect(invite.number == TestQueues.numbers["carol"])
        #expect(invite.body == SBCCaller.offer)
        #expect(invite.headers.from.displayName?.hasPrefix("sales ") == true)

        let notified = harness.receive(transferor.response(to: notify))
        #expect(notified.summary == ["BYE"])
        let bye = try #require(notified.requests(.bye).first)
        #expect(bye.headers.callID == transferor.invite.headers.callID)
        #expect(harness.receive(transferor.response(to: bye)).summary == [])

        let carol = harness.agent(answering: invite)
        #expect(harness.receive(carol.response(180)).summary == [])
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "INVITE"])
        let reinvite = try #require(answered.requests(.invite).first)
        #expect(reinvite.headers.callID == call.caller.callID)
        #expect(reinvite.headers.to.tag == call.caller.invite.headers.from.tag)
        #expect(reinvite.body == AgentLeg.answer(for: carol.number))

        let reconnected = harness.receive(call.callerDialog.response(to: reinvite, sdp: SBCCaller.offer))
        #expect(reconnected.summary == ["ACK"])
        #expect(reconnected.requests(.ack).first?.headers.cseq.sequenceNumber == reinvite.headers.cseq.sequenceNumber)

        call.agent = carol
        call.agentDialog = carol.dialog()
        try harness.callerHangsUp(&call)
        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .caller)])
        harness.expectNothingHeldAfterLinger()
    }
}
