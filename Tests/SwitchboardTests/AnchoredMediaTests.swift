import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

@Suite("Anchored media")
struct AnchoredMediaTests {
    private func harness(early: Bool = false) throws -> (CallHarness, FakeHoldMedia) {
        let harness = try CallHarness()
        let media = FakeHoldMedia(queues: ["sales", "support"])
        media.anchorsMedia = true
        if early { media.earlyQueues = ["sales"] }
        harness.router.holdMedia = media
        return (harness, media)
    }

    @Test func theAgentIsOfferedSwitchboardsStreamAndTheAnswerBridgesWithoutReINVITE() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "200 INVITE", "INVITE"])
        let answer = try #require(arrived.responses.last)
        #expect(answer.body == FakeHoldMedia.answer)
        let invite = try #require(arrived.requests(.invite).first)
        #expect(invite.body == FakeHoldMedia.agentOffer, "Switchboard's own offer, not the caller's")
        #expect(invite.headers.contentType == "application/sdp")
        #expect(media.offered == [1])

        var callerDialog = caller.dialog(answeredBy: answer)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let carol = harness.agent(answering: invite)
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK"], "no re-INVITE: the caller keeps Switchboard's SDP")
        #expect(media.bridged.map(\.attempt) == [1])
        #expect(media.bridged.first?.answer == AgentLeg.answer(for: carol.number))
        #expect(media.stopped.isEmpty, "the caller's stream carries the call")

        let bye = harness.receive(callerDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        #expect(media.stopped == [caller.callID], "the hang-up closes the call's streams")
        let agentBye = try #require(bye.requests(.bye).first)
        harness.receive(carol.response(to: agentBye))
        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .caller)])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func withEarlyMediaThe200CarriesThe183sSDPAndTheStreamsAreBridged() throws {
        let (harness, media) = try harness(early: true)
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "183 INVITE", "INVITE"])
        let invite = try #require(arrived.requests(.invite).first)
        #expect(invite.body == FakeHoldMedia.agentOffer)
        let carol = harness.agent(answering: invite)
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        let ok = try #require(answered.responses.first)
        #expect(ok.body == FakeHoldMedia.answer)
        #expect(media.bridged.map(\.attempt) == [1])
        let callerDialog = caller.dialog(answeredBy: ok)
        #expect(harness.receive(callerDialog.ack(sequenceNumber: 1)).summary == [], "no media release re-INVITE")
        var carolDialog = carol.dialog()
        let bye = harness.receive(carolDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        #expect(media.stopped == [caller.callID])
    }

    @Test func anAgentWhoDeclinesHasItsStreamClosedAndTheNextIsOfferedAStreamOfTheirOwn() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.support)
        let arrived = harness.receive(caller.invite)
        let invite = try #require(arrived.requests(.invite).first)
        let first = harness.agent(answering: invite)
        let declined = harness.receive(first.response(486))
        #expect(media.stoppedAgentLegs == [1])
        let next = try #require((declined + harness.advance(by: .seconds(1))).requests(.invite).first)
        #expect(next.body == FakeHoldMedia.agentOffer)
        #expect(media.offered == [1, 2])
    }

    @Test func whenNoAgentStreamOpensTheAgentIsOfferedTheCallersSDPAndTheCallerReleased() throws {
        let (harness, media) = try harness()
        media.agentOffers = [nil]
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let answer = try #require(arrived.responses.last)
        let invite = try #require(arrived.requests(.invite).first)
        #expect(invite.body == SBCCaller.offer)
        let callerDialog = caller.dialog(answeredBy: answer)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let answered = harness.receive(harness.agent(answering: invite).ok())
        #expect(answered.summary == ["ACK", "INVITE"], "media release, as without anchored media")
        #expect(media.bridged.isEmpty)
    }

    @Test func aReINVITEOnEitherLegOfABridgedCallIsAnsweredHereWithThatLegsDescription() throws {
        let (harness, _) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let answer = try #require(arrived.responses.last)
        let invite = try #require(arrived.requests(.invite).first)
        var callerDialog = caller.dialog(answeredBy: answer)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let carol = harness.agent(answering: invite)
        harness.receive(carol.ok())

        let fromCaller = harness.receive(callerDialog.request(.invite, body: SBCCaller.offer))
        #expect(fromCaller.summary == ["200 INVITE"], "not relayed: the agent's SDP is Switchboard's")
        #expect(fromCaller.responses.first?.body == FakeHoldMedia.answer)
        var carolDialog = carol.dialog()
        let fromAgent = harness.receive(carolDialog.request(.invite, body: AgentLeg.answer(for: carol.number)))
        #expect(fromAgent.summary == ["200 INVITE"], "not relayed: the caller's SDP is Switchboard's")
        #expect(fromAgent.responses.first?.body == FakeHoldMedia.agentOffer)
    }
}
