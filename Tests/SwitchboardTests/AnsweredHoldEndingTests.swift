import ACD
import B2BUA
import CallStore
import SIPCore
import SwitchboardTestKit
import Testing

/// How a call on answered hold starts and ends: the caller's offer negotiated once, no BYE before the
/// caller's ACK (RFC 3261 §15), and the agent who rang when the caller hung up.
@Suite("Answered hold: negotiation, ACK before BYE, abandons")
struct AnsweredHoldEndingTests {
    /// `lobby` (no agents) answers its callers; its exit key `0` hangs them up.
    private func lobbyHarness() throws -> (CallHarness, FakeHoldMedia) {
        var queues = TestQueues.configuration
        queues.queues[1].exitKey = "0"
        queues.queues[1].overflowTargets = [.exitKey: .hangUp(announcement: nil)]
        let harness = try CallHarness(queues: queues)
        let media = FakeHoldMedia(queues: ["lobby"])
        harness.router.holdMedia = media
        return (harness, media)
    }

    @Test func theCallersOfferIsNegotiatedOnceAndThatNegotiationOpensTheStream() throws {
        let (harness, media) = try lobbyHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        #expect(harness.receive(caller.invite).summary == ["100 INVITE", "200 INVITE"])
        #expect(media.negotiated == 1)
        #expect(media.startedWith == [caller.invite.body], "the stream is opened with what was negotiated on arrival")
    }

    @Test func aHangUpBeforeTheCallersACKWaitsForTheACK() throws {
        let (harness, media) = try lobbyHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        let answer = try #require(harness.receive(caller.invite).responses.last)
        media.press("0", on: caller.callID)
        #expect(harness.sender.takeSent().isEmpty, "no BYE before the ACK of the 200 (RFC 3261 §15)")
        #expect(harness.log.records.isEmpty)
        let retransmitted = harness.advance(by: .milliseconds(600))
        #expect(retransmitted.summary.allSatisfy { $0 == "200 INVITE" } && !retransmitted.isEmpty, "the 200 is still retransmitted")

        let dialog = caller.dialog(answeredBy: answer)
        let acknowledged = harness.receive(dialog.ack(sequenceNumber: 1))
        #expect(acknowledged.summary == ["BYE"])
        harness.receive(dialog.response(to: try #require(acknowledged.requests(.bye).first)))
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 480, reason: "Queue exitKey")])
        #expect(media.stopped == [caller.callID])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func withoutAnyACKTheBYEGoesWhenThe200sRetransmissionsTimeOut() throws {
        let (harness, media) = try lobbyHarness()
        let caller = harness.caller(calling: TestQueues.lobby)
        harness.receive(caller.invite)
        media.press("0", on: caller.callID)
        let waited = harness.advance(by: harness.layer.timers.t1 * 60)
        #expect(!waited.isEmpty && waited.summary.allSatisfy { $0 == "200 INVITE" }, "only the 200's retransmissions meanwhile")
        let timedOut = harness.advance(by: harness.layer.timers.t1 * 20)
        let byes = timedOut.requests(.bye)
        #expect(!byes.isEmpty && Set(timedOut.summary).isSubset(of: ["200 INVITE", "BYE"]), "once the retransmissions end, 64·T1 on")
        #expect(Set(byes.map(\.headers.cseq.sequenceNumber)).count == 1, "one BYE, retransmitted while unanswered")
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 480, reason: "Queue exitKey")])
    }

    @Test func aCallerHangingUpOnHoldWhileAnAgentRingsIsRecordedWithThatAgentAsARingbackCallerIs() throws {
        let stored = try StoredHarness()
        defer { stored.remove() }
        let media = FakeHoldMedia(queues: ["sales"])
        stored.harness.router.holdMedia = media
        let harness = stored.harness
        let held = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(held.invite)
        var dialog = held.dialog(answeredBy: try #require(arrived.responses.last))
        harness.receive(dialog.ack(sequenceNumber: 1))
        let carol = harness.agent(answering: try #require(arrived.requests(.invite).first))
        harness.receive(carol.response(180))
        let bye = harness.receive(dialog.request(.bye))
        let cancel = try #require(bye.requests(.cancel).first)
        harness.receive(carol.response(to: cancel))
        harness.receive(carol.response(487))
        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: "carol")])
        #expect(harness.log.records.first?.agentID == "carol")

        let record = try #require(try stored.stored().calls.first { $0.callID == held.callID })
        #expect(record.agent == "carol")
        let offers = try stored.store.offerAttempts(callID: held.callID, arrivedAt: record.arrivedAt)
        #expect(offers.map(\.agent) == ["carol"])
        #expect(offers.map(\.result) == [.callerLeft])
        #expect(offers.first?.ringingAt != nil, "the offer rang")
    }
}
