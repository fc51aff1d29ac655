import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

/// Anchored media when the agent transfers the caller, and re-offers on the legs whose media
/// Switchboard terminates, in process with a fake media edge.
@Suite("Anchored media: transfers and re-offers")
struct AnchoredTransferTests {
    private func harness() throws -> (CallHarness, FakeHoldMedia) {
        let harness = try CallHarness()
        let media = FakeHoldMedia(queues: ["sales", "support"])
        media.anchorsMedia = true
        harness.router.holdMedia = media
        return (harness, media)
    }

    /// A caller of sales on hold, carol answered and bridged, every request acknowledged.
    private func bridged(_ harness: CallHarness) throws -> (caller: SIPTestDialog, carol: AgentLeg) {
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let callerDialog = caller.dialog(answeredBy: try #require(arrived.responses.last))
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let carol = harness.agent(answering: try #require(arrived.requests(.invite).first))
        #expect(harness.receive(carol.ok()).summary == ["ACK"])
        return (callerDialog, carol)
    }

    private func refer(_ carol: AgentLeg, to number: String) -> SIPRequest {
        var dialog = carol.dialog()
        return dialog.request(.refer, headers: [SIPHeaderField(name: "Refer-To", value: "<sip:\(number)@\(CallHarness.sbcHost);user=phone>")])
    }

    @Test func aTransferToAQueueUnbridgesTheCallerAndBridgesTheNextAgentWithoutReINVITE() throws {
        let (harness, media) = try harness()
        let (_, carol) = try bridged(harness)
        let accepted = harness.receive(refer(carol, to: TestQueues.support))
        #expect(accepted.summary.prefix(2) == ["202 REFER", "NOTIFY"])
        #expect(media.unbridged == ["support"], "the caller hears support's music and announcements again")
        let invite = try #require(accepted.requests(.invite).first)
        #expect(invite.body == FakeHoldMedia.agentOffer, "the next agent is offered a stream of Switchboard's, not the caller's SDP")
        #expect(media.offered == [1, 2])

        let next = harness.agent(answering: invite)
        let answered = harness.receive(next.ok())
        #expect(answered.summary == ["ACK"], "no re-INVITE: the caller keeps Switchboard's SDP")
        #expect(media.bridged.map(\.attempt) == [1, 2])
        #expect(media.bridged.last?.answer == AgentLeg.answer(for: next.number))
        #expect(media.stopped.isEmpty)
    }

    @Test func aTransferToANumberRingsTheTargetWithSwitchboardsOfferAndBridgesIt() throws {
        let (harness, media) = try harness()
        let (_, carol) = try bridged(harness)
        let accepted = harness.receive(refer(carol, to: "+15559999"))
        #expect(accepted.summary == ["202 REFER", "NOTIFY", "INVITE"])
        #expect(media.unbridged == [nil], "the music while the target rings; no announcements outside a queue")
        let invite = try #require(accepted.requests(.invite).first)
        #expect(invite.requestURI.user == "+15559999")
        #expect(invite.body == FakeHoldMedia.agentOffer)

        let target = harness.agent(answering: invite)
        let answered = harness.receive(target.ok())
        #expect(answered.summary == ["ACK", "NOTIFY"], "bridged: no re-INVITE of the caller, the final NOTIFY to carol")
        #expect(media.bridged.map(\.attempt) == [1, 2])
        var targetDialog = target.dialog()
        #expect(harness.receive(targetDialog.request(.invite, body: AgentLeg.answer(for: "+15559999"))).summary == ["200 INVITE"],
                "the target's re-INVITE is answered here: its leg's SDP is Switchboard's")
    }

    @Test func aReOfferOnEitherLegGoesToTheMediaEdgeAndItsAnswerIsSent() throws {
        let (harness, media) = try harness()
        let call = try bridged(harness)
        var callerDialog = call.caller
        let carol = call.carol
        let moved = SIPTestMessages.sdp(owner: "pstn", sessionID: 1001, version: 2, session: "pstn caller", port: 6100)
        media.reofferAnswer = .answered(FakeHoldMedia.answer)
        let fromCaller = harness.receive(callerDialog.request(.invite, body: moved))
        #expect(fromCaller.summary == ["200 INVITE"])
        #expect(fromCaller.responses.first?.body == FakeHoldMedia.answer)
        var carolDialog = carol.dialog()
        let fromAgent = harness.receive(carolDialog.request(.invite, body: AgentLeg.answer(for: carol.number, port: 7100)))
        #expect(fromAgent.summary == ["200 INVITE"])
        #expect(media.reoffers.map(\.attempt) == [nil, 1])
        #expect(media.reoffers.map(\.offer) == [moved, AgentLeg.answer(for: carol.number, port: 7100)])

        media.reofferAnswer = .refused(warning: "305 switchboardd \"Incompatible media format\"")
        let refused = harness.receive(callerDialog.request(.invite, body: moved))
        #expect(refused.summary == ["488 INVITE"], "the session stays as it was (RFC 3261 §14.2)")
        #expect(refused.responses.first?.headers["Warning"] == ["305 switchboardd \"Incompatible media format\""])
    }
}
