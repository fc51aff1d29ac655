import ACD
import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing
import TeamsPresence

/// The media of callbacks as the router sees it: the confirmation ends when the test says so, and
/// every agent stream opens at once with the same offer.
final class FakeCallbackMedia: CallbackMedia {
    /// The offer an agent of a callback gets, as Switchboard's own description (version 1).
    static let offer = SIPTestMessages.sdp(owner: "switchboard", sessionID: 4545, session: "-", port: 20_004)

    private var confirmations: [() -> Void] = []
    var stoppedCallers: [B2BUA.CallID] = []
    var offered: [Int] = []
    var connected: [Int] = []

    func confirmCallback(_ callID: B2BUA.CallID, completion: @escaping () -> Void) { confirmations.append(completion) }

    /// The confirmations playing have played.
    func finishConfirmations() {
        let playing = confirmations
        confirmations.removeAll()
        for completion in playing { completion() }
    }

    func stopCallerStream(_ callID: B2BUA.CallID) { stoppedCallers.append(callID) }

    func offerForCallback(_ callID: B2BUA.CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void) {
        offered.append(attempt)
        completion(Self.offer)
    }

    func connectCallbackAgent(_ callID: B2BUA.CallID, attempt: Int, answer: [UInt8]) -> Bool {
        connected.append(attempt)
        return true
    }

    /// Anchored media: the offer a caller called back gets, from Switchboard's new stream.
    static let callerOffer = SIPTestMessages.sdp(owner: "switchboard", sessionID: 4646, session: "-", port: 20_006)
    var bridged: [(attempt: Int, callerAnswer: [UInt8])] = []

    func offerToCaller(_ callID: B2BUA.CallID, agentAnswer: [UInt8], completion: @escaping ([UInt8]?) -> Void) {
        completion(Self.callerOffer)
    }

    func bridgeCallback(_ callID: B2BUA.CallID, queue: String, attempt: Int, callerAnswer: [UInt8], agentAnswer: [UInt8]) -> Bool {
        bridged.append((attempt, callerAnswer))
        return true
    }
}

@Suite("Callback: the call flow in process")
struct CallbackFlowTests {
    /// The number of queue `back`: carol, answered hold, a callback on `*` (2 attempts, 30 s apart, 10 s of ringing).
    static let number = "+15550130"
    /// The caller's phone when called back.
    static let callerAnswer = SIPTestMessages.sdp(owner: "pstn", sessionID: 3001, session: "-", port: 7100)

    private func harness() throws -> (CallHarness, FakeHoldMedia, FakeCallbackMedia) {
        var queues = TestQueues.configuration
        var back = QueueConfiguration(id: "back", numbers: [Self.number], members: [QueueMember(agent: "carol")], ringTimeout: .seconds(120))
        back.callback = CallbackConfiguration(key: "*", maximumAttempts: 2, retryInterval: .seconds(30), ringTimeout: .seconds(10))
        queues.queues.append(back)
        let harness = try CallHarness(queues: queues)
        harness.distributor.presenceChanged(agentID: "carol", presence: TeamsPresence(availability: .away, activity: .away),
                                            observedAt: harness.router.now)
        let hold = FakeHoldMedia(queues: ["back"])
        harness.router.holdMedia = hold
        let media = FakeCallbackMedia()
        harness.router.callbackMedia = media
        return (harness, hold, media)
    }

    /// A caller answered on hold who pressed * and was hung up after the confirmation.
    private func calledBackLater(_ harness: CallHarness, _ hold: FakeHoldMedia, _ media: FakeCallbackMedia) throws -> SBCCaller {
        let caller = harness.caller(calling: Self.number)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "200 INVITE"])
        let dialog = caller.dialog(answeredBy: try #require(arrived.responses.last))
        harness.receive(dialog.ack(sequenceNumber: 1))
        hold.press("*", on: caller.callID)
        #expect(harness.sender.takeSent().isEmpty, "the confirmation plays first")
        media.finishConfirmations()
        let bye = harness.sender.takeSent()
        #expect(bye.summary == ["BYE"])
        #expect(bye.requests(.bye).first?.headers.callID == caller.callID)
        harness.receive(dialog.response(to: try #require(bye.requests(.bye).first)))
        #expect(media.stoppedCallers == [caller.callID])
        #expect(harness.router.liveCounts.calls == 1, "the call waits on without a caller's leg")
        #expect(harness.log.records.isEmpty, "no abandon")
        return caller
    }

    /// carol becomes available and is offered the entry; returns her INVITE.
    private func carolIsOffered(_ harness: CallHarness) throws -> SIPRequest {
        harness.distributor.presenceChanged(agentID: "carol", presence: .available, observedAt: harness.router.now)
        let offered = harness.sender.takeSent()
        #expect(offered.summary == ["INVITE"])
        return try #require(offered.requests(.invite).first)
    }

    @Test func theAgentIsCalledFirstThenTheCallerThenMediaIsReleasedToTheAgent() throws {
        let (harness, hold, media) = try harness()
        let caller = try calledBackLater(harness, hold, media)
        let invite = try carolIsOffered(harness)
        #expect(invite.requestURI.user == TestQueues.numbers["carol"])
        #expect(invite.body == FakeCallbackMedia.offer, "Switchboard's own offer: nobody is on the caller's side")

        let carol = harness.agent(answering: invite)
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "INVITE"])
        #expect(media.connected == [1])
        let callBack = try #require(answered.requests(.invite).last)
        #expect("\(callBack.requestURI)" == "sip:+15551230000@\(CallHarness.sbcHost);user=phone")
        #expect(callBack.headers.from.uri.user == Self.number, "From: the number the caller dialled")
        #expect(callBack.headers.callID != caller.callID)
        let offer = String(decoding: callBack.body, as: UTF8.self)
        #expect(offer.contains("o=switchboard ") && offer.contains(" 1 IN IP4 \(CallHarness.switchboardHost)"), "\(offer)")
        #expect(offer.contains("m=audio 7000 "), "the agent's SDP")

        let phone = harness.agent(answering: callBack)
        let callerAnswered = harness.receive(phone.ok(sdp: Self.callerAnswer))
        #expect(callerAnswered.summary == ["ACK", "INVITE"])
        let reinvite = try #require(callerAnswered.requests(.invite).first)
        #expect(reinvite.headers.callID == invite.headers.callID, "the re-INVITE goes to carol")
        let released = String(decoding: reinvite.body, as: UTF8.self)
        #expect(released.contains("o=switchboard 4545 2 IN IP4"), "RFC 3264 §8: the origin of our offer to carol, one version on")
        #expect(released.contains("m=audio 7100 "), "the caller's SDP")
        #expect(hold.stoppedAgentLegs.isEmpty)
        var carolDialog = carol.dialog()
        #expect(harness.receive(carolDialog.response(to: reinvite, sdp: AgentLeg.answer(for: carol.number))).summary == ["ACK"])
        #expect(hold.stoppedAgentLegs == [1], "the agent's stream stops once the agent has the caller's SDP")

        let bye = harness.receive(carolDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        let callerBye = try #require(bye.requests(.bye).first)
        #expect(callerBye.headers.callID == callBack.headers.callID)
        harness.receive(phone.response(to: callerBye))
        let record = try #require(harness.log.records.first)
        #expect(record.outcome == .completed(agentID: "carol", endedBy: .agent))
        #expect(record.callbackAttempts == 1)
        #expect(record.answeredAt != nil)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func anUnansweredCallBackIsRetriedAtItsPlaceAndTheLastFailureEndsTheCall() throws {
        let (harness, hold, media) = try harness()
        _ = try calledBackLater(harness, hold, media)
        let first = try carolIsOffered(harness)
        let carol = harness.agent(answering: first)
        let callBack = try #require(harness.receive(carol.ok()).requests(.invite).last)
        let phone = harness.agent(answering: callBack)
        harness.receive(phone.response(180))
        let rangOut = harness.advance(by: .seconds(10))
        #expect(rangOut.summary == ["CANCEL", "BYE"], "the ring time passed: the call back is cancelled and carol hung up")
        let carolDialog = carol.dialog()
        harness.receive(carolDialog.response(to: try #require(rangOut.requests(.bye).first)))
        harness.receive(phone.response(to: try #require(rangOut.requests(.cancel).first)))
        harness.receive(phone.response(487))
        #expect(harness.advance(by: .seconds(29)).requests(.invite).isEmpty, "carol is free, the entry waits out its interval")
        let second = try #require(harness.advance(by: .seconds(2)).requests(.invite).first, "offered again after 30 s")
        let carolAgain = harness.agent(answering: second)
        let secondCallBack = try #require(harness.receive(carolAgain.ok()).requests(.invite).last)
        let busy = harness.receive(harness.agent(answering: secondCallBack).response(486))
        #expect(busy.summary == ["ACK", "BYE"], "busy: carol hung up; the second attempt was the last")
        #expect(harness.log.records.map(\.outcome) == [.callbackFailed(attempts: 2)])
        let carolAgainDialog = carolAgain.dialog()
        harness.receive(carolAgainDialog.response(to: try #require(busy.requests(.bye).first)))
        harness.expectNothingHeldAfterLinger()
    }

    @Test func withAnchoredMediaTheCallerIsOfferedSwitchboardsStreamAndTheTwoAreBridged() throws {
        let (harness, hold, media) = try harness()
        hold.anchorsMedia = true
        _ = try calledBackLater(harness, hold, media)
        let carol = harness.agent(answering: try carolIsOffered(harness))
        let callBack = try #require(harness.receive(carol.ok()).requests(.invite).last)
        #expect(callBack.body == FakeCallbackMedia.callerOffer, "Switchboard's own stream, not the agent's SDP")
        let phone = harness.agent(answering: callBack)
        #expect(harness.receive(phone.ok(sdp: Self.callerAnswer)).summary == ["ACK"], "bridged: no re-INVITE of the agent")
        #expect(media.bridged.map(\.attempt) == [1])
        #expect(media.bridged.first?.callerAnswer == Self.callerAnswer)
        #expect(hold.stoppedAgentLegs.isEmpty, "the agent's stream carries the call")
        var phoneDialog = phone.dialog()
        let refreshed = harness.receive(phoneDialog.reINVITE(sdp: Self.callerAnswer))
        #expect(refreshed.summary == ["200 INVITE"], "answered here: each leg's SDP is Switchboard's own stream")
        #expect(refreshed.responses.first?.body == FakeCallbackMedia.callerOffer)
        let bye = harness.receive(phoneDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        harness.receive(carol.response(to: try #require(bye.requests(.bye).first)))
        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .caller)])
        harness.expectNothingHeldAfterLinger()
    }
}
