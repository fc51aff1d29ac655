import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Early media")
struct EarlyMediaTests {
    private func harness() throws -> (CallHarness, FakeHoldMedia) {
        let harness = try CallHarness()
        let media = FakeHoldMedia(queues: ["sales"])
        media.earlyQueues = ["sales"]
        harness.router.holdMedia = media
        return (harness, media)
    }

    @Test func theCallerGets183WithSwitchboardsSDPThenA200WithTheSameSDPThenTheAgentsByReINVITE() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "183 INVITE", "INVITE"], "early media, no 200, the agent rung")
        let progress = try #require(arrived.responses.last)
        #expect(progress.body == FakeHoldMedia.answer)
        #expect(progress.headers.contentType == "application/sdp")
        let toTag = try #require(progress.headers.to.tag)
        #expect(media.started == [caller.callID])
        let invite = try #require(arrived.requests(.invite).first)
        #expect(invite.body == SBCCaller.offer)

        let carol = harness.agent(answering: invite)
        harness.receive(carol.response(180))
        let minute = harness.advance(by: .seconds(60)).responses
        #expect(minute.map(\.statusCode) == [183], "repeated every minute (RFC 3261 §13.3.1.1)")
        #expect(minute.first?.body == FakeHoldMedia.answer, "the same answer: it is not sent reliably")

        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"], "no re-INVITE before the caller's ACK (RFC 3261 §14.1)")
        let ok = try #require(answered.responses.first)
        #expect(ok.body == FakeHoldMedia.answer, "the 200 repeats the 183's SDP: that was the answer (RFC 3264)")
        #expect(ok.headers.to.tag == toTag, "the early dialog becomes the confirmed one")

        var callerDialog = caller.dialog(answeredBy: ok)
        let acknowledged = harness.receive(callerDialog.ack(sequenceNumber: 1))
        #expect(acknowledged.summary == ["INVITE"])
        let reinvite = try #require(acknowledged.requests(.invite).first)
        let expected = String(decoding: AgentLeg.answer(for: carol.number), as: UTF8.self)
            .replacingOccurrences(of: "o=teams 2001 1 IN IP4", with: "o=switchboard 4242 2 IN IP4")
        #expect(String(decoding: reinvite.body, as: UTF8.self) == expected, "the agent's SDP under our origin, version + 1")
        #expect(media.stopped.isEmpty)
        #expect(harness.receive(callerDialog.response(to: reinvite, sdp: SBCCaller.offer)).summary == ["ACK"])
        #expect(media.stopped == [caller.callID])
        #expect(harness.advance(by: .seconds(120)).responses.isEmpty, "no more 183 once answered")

        let bye = harness.receive(callerDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        let agentBye = try #require(bye.requests(.bye).first)
        harness.receive(carol.response(to: agentBye))
        let record = try #require(harness.log.records.first)
        #expect(record.outcome == .completed(agentID: "carol", endedBy: .caller))
        #expect(record.answeredAt != nil)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aCallerCancellingDuringEarlyMediaGets487AndTheStreamStops() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let invite = try #require(arrived.requests(.invite).first)
        let carol = harness.agent(answering: invite)
        harness.receive(carol.response(180))
        let cancelled = harness.receive(caller.cancel())
        #expect(cancelled.summary == ["200 CANCEL", "CANCEL", "487 INVITE"], "unanswered: the CANCEL ends the INVITE")
        #expect(media.stopped == [caller.callID])
        let cancel = try #require(cancelled.requests(.cancel).first)
        harness.receive(carol.response(to: cancel))
        harness.receive(carol.response(487))
        let refusal = try #require(cancelled.responses.last)
        harness.receive(caller.ack(forFailure: refusal))
        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: "carol")])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func answeredHoldWithoutEarlyMediaStillAnswersAtOnce() throws {
        let (harness, media) = try harness()
        media.earlyQueues = []
        let arrived = harness.receive(harness.caller(calling: TestQueues.sales).invite)
        #expect(arrived.summary == ["100 INVITE", "200 INVITE", "INVITE"])
    }
}
