import B2BUA
import Media
import SIPCore
import SwitchboardTestKit
import Testing

/// Answered hold as the router sees it: a media edge that answers from a stream at once.
final class FakeHoldMedia: HoldMedia {
    /// The SDP answer the fake edge gives, as Switchboard's own description (version 1).
    static let answer = SIPTestMessages.sdp(owner: "switchboard", sessionID: 4242, session: "-", port: 20_000)

    let queues: Set<String>
    /// The queues whose callers get the hold media as early media (a 183).
    var earlyQueues: Set<String> = []
    var started: [CallID] = []
    /// How many offers were negotiated, and what each opening was given.
    var negotiated = 0
    var startedWith: [[UInt8]?] = []
    var stopped: [CallID] = []
    /// What the next stream's opening gives: the answer (nil: no stream could be opened).
    var opens: [UInt8]? = FakeHoldMedia.answer
    /// Whether openings wait for ``finishOpening()`` instead of completing at once.
    var deferred = false
    /// Anchored media: the offer each agent stream gives (nil: none could be opened).
    static let agentOffer = SIPTestMessages.sdp(owner: "switchboard", sessionID: 4343, session: "-", port: 20_002)
    var anchorsMedia = false
    var agentOffers: [[UInt8]?] = []
    var offered: [Int] = []
    var bridged: [(attempt: Int, answer: [UInt8])] = []
    var stoppedAgentLegs: [Int] = []
    private var pending: [([UInt8]?) -> Void] = []

    init(queues: Set<String>) {
        self.queues = queues
    }

    func answersCallers(of queue: String) -> Bool { queues.contains(queue) }

    func sendsEarlyMedia(of queue: String) -> Bool { earlyQueues.contains(queue) }

    func negotiate(_ offer: [UInt8]) -> HoldNegotiation {
        negotiated += 1
        return String(decoding: offer, as: UTF8.self).contains("RTP/AVP 18\r\n")
            ? .refused(warning: "305 switchboardd \"Incompatible media format\"") : .accepted(HoldOffer(offer))
    }

    func start(_ callID: CallID, queue: String, offer: HoldOffer, completion: @escaping ([UInt8]?) -> Void) {
        started.append(callID)
        startedWith.append(offer.negotiated as? [UInt8])
        if deferred {
            pending.append(completion)
        } else {
            completion(opens)
        }
    }

    /// Completes the deferred openings.
    func finishOpening() {
        let completions = pending
        pending.removeAll()
        for completion in completions { completion(opens) }
    }

    func stop(_ callID: CallID) {
        stopped.append(callID)
    }

    var onKey: ((CallID, Character) -> Void)?

    func key(inDTMFRelay body: [UInt8]) -> Character? { DTMFRelay(body: body)?.digit.key }

    /// The caller of `callID` presses `key` on its stream (an RFC 4733 event the edge decoded).
    func press(_ key: Character, on callID: CallID) { onKey?(callID, key) }
    func offerToAgent(_ callID: CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void) {
        offered.append(attempt)
        completion(agentOffers.isEmpty ? FakeHoldMedia.agentOffer : agentOffers.removeFirst())
    }

    func bridge(_ callID: CallID, attempt: Int, answer: [UInt8]) -> Bool {
        bridged.append((attempt, answer))
        return true
    }

    func stopAgentLeg(_ callID: CallID, attempt: Int) {
        stoppedAgentLegs.append(attempt)
    }

    /// The calls unbridged after a transfer: the queue the caller waits in again, nil for another target.
    var unbridged: [String?] = []

    func unbridge(_ callID: CallID, requeuedTo queue: String?) {
        unbridged.append(queue)
    }

    /// The re-offers the edge was given (nil attempt: the caller's leg), and what it answers them.
    var reoffers: [(attempt: Int?, offer: [UInt8])] = []
    var reofferAnswer: ReofferAnswer?

    func answerReoffer(_ callID: CallID, attempt: Int?, offer: [UInt8]) -> ReofferAnswer? {
        reoffers.append((attempt, offer))
        return reofferAnswer
    }
}

@Suite("Answered hold")
struct AnsweredHoldTests {
    private func harness() throws -> (CallHarness, FakeHoldMedia) {
        let harness = try CallHarness()
        let media = FakeHoldMedia(queues: ["sales"])
        harness.router.holdMedia = media
        return (harness, media)
    }

    @Test func theCallerIsAnsweredAtOnceThenReleasedToTheAgentUnderSwitchboardsOrigin() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "200 INVITE", "INVITE"], "no ringback: answered from the hold stream, the agent rung")
        let answer = try #require(arrived.responses.last)
        #expect(answer.body == FakeHoldMedia.answer)
        #expect(answer.headers.to.tag != nil)
        #expect(media.started == [caller.callID])
        let invite = try #require(arrived.requests(.invite).first)
        #expect(invite.body == SBCCaller.offer, "the agent gets the caller's own offer: media flows between them directly")

        var callerDialog = caller.dialog(answeredBy: answer)
        #expect(harness.receive(callerDialog.ack(sequenceNumber: 1)).summary == [])
        #expect(harness.advance(by: .seconds(5)).responses.isEmpty, "no 200 retransmission after the ACK, no 180")

        let carol = harness.agent(answering: invite)
        #expect(harness.receive(carol.response(180)).summary == [])
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "INVITE"])
        let reinvite = try #require(answered.requests(.invite).first)
        #expect(reinvite.headers.callID == caller.callID)
        let expected = String(decoding: AgentLeg.answer(for: carol.number), as: UTF8.self)
            .replacingOccurrences(of: "o=teams 2001 1 IN IP4", with: "o=switchboard 4242 2 IN IP4")
        #expect(String(decoding: reinvite.body, as: UTF8.self) == expected, "RFC 3264 §8: our session id, the version one on")
        #expect(media.stopped.isEmpty, "the hold media plays until the caller accepts the agent's SDP")

        #expect(harness.receive(callerDialog.response(to: reinvite, sdp: SBCCaller.offer)).summary == ["ACK"])
        #expect(media.stopped == [caller.callID])

        let bye = harness.receive(callerDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        let agentBye = try #require(bye.requests(.bye).first)
        #expect(harness.receive(carol.response(to: agentBye)).summary == [])
        let record = try #require(harness.log.records.first)
        #expect(record.outcome == .completed(agentID: "carol", endedBy: .caller))
        #expect(record.answeredAt != nil)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func anAgentAnsweringBeforeTheCallersACKIsReleasedToOnlyOnceTheACKArrives() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let answer = try #require(arrived.responses.last)
        let invite = try #require(arrived.requests(.invite).first)
        let carol = harness.agent(answering: invite)
        #expect(harness.receive(carol.ok()).summary == ["ACK"], "no re-INVITE while our 200 is unacknowledged (RFC 3261 §14.1)")
        let callerDialog = caller.dialog(answeredBy: answer)
        let acknowledged = harness.receive(callerDialog.ack(sequenceNumber: 1))
        #expect(acknowledged.summary == ["INVITE"])
        let reinvite = try #require(acknowledged.requests(.invite).first)
        #expect(harness.receive(callerDialog.response(to: reinvite, sdp: SBCCaller.offer)).summary == ["ACK"])
        #expect(media.stopped == [caller.callID])
        var carolDialog = carol.dialog()
        let bye = harness.receive(carolDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "BYE"])
        let callerBye = try #require(bye.requests(.bye).first)
        #expect(harness.receive(callerDialog.response(to: callerBye)).summary == [])
        #expect(harness.log.records.map(\.outcome) == [.completed(agentID: "carol", endedBy: .agent)])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func anOfferWithoutACodecToPlayGets488WithAWarningAndARecord() throws {
        let (harness, media) = try harness()
        let g729 = Array("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 18\r\n".utf8)
        let caller = SBCCaller(calling: TestQueues.sales, switchboardHost: CallHarness.switchboardHost, sbcHost: CallHarness.sbcHost, sdp: g729)
        let sent = harness.receive(caller.invite)
        #expect(sent.summary == ["488 INVITE"])
        let refusal = try #require(sent.responses.first)
        #expect(refusal.headers["Warning"] == ["305 switchboardd \"Incompatible media format\""])
        #expect(media.started.isEmpty)
        #expect(harness.receive(caller.ack(forFailure: refusal)).summary == [])
        #expect(harness.log.records.map(\.outcome) == [.released(statusCode: 488, reason: "Not Acceptable Here")])
        #expect(harness.router.waitingCount == 0)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aCallerHangingUpOnHoldAbandonsAndTheStreamStops() throws {
        let (harness, media) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        let answer = try #require(arrived.responses.last)
        let invite = try #require(arrived.requests(.invite).first)
        let carol = harness.agent(answering: invite)
        harness.receive(carol.response(180))
        var callerDialog = caller.dialog(answeredBy: answer)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let bye = harness.receive(callerDialog.request(.bye))
        #expect(bye.summary == ["200 BYE", "CANCEL"])
        #expect(media.stopped == [caller.callID])
        let cancel = try #require(bye.requests(.cancel).first)
        harness.receive(carol.response(to: cancel))
        harness.receive(carol.response(487))
        #expect(harness.log.records.map(\.outcome) == [.abandoned(ringingAgentID: "carol")], "the agent who rang, as for a ringback caller")
        #expect(harness.router.waitingCount == 0)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aQueueWithoutAnsweredHoldStillRingsBack() throws {
        let (harness, media) = try harness()
        let sent = harness.receive(harness.caller(calling: TestQueues.support).invite)
        #expect(sent.summary.prefix(2) == ["100 INVITE", "180 INVITE"])
        #expect(media.started.isEmpty)
    }
}

extension AnsweredHoldTests {
    @Test func aSessionRefreshFromTheCallerOnHoldIsAnsweredHereWithTheSameDescription() throws {
        let (harness, _) = try harness()
        let caller = harness.caller(calling: TestQueues.sales)
        let answer = try #require(harness.receive(caller.invite).responses.last)
        var callerDialog = caller.dialog(answeredBy: answer)
        harness.receive(callerDialog.ack(sequenceNumber: 1))
        let timer = [SIPHeaderField(name: "Supported", value: "timer"), SIPHeaderField(name: "Session-Expires", value: "1800;refresher=uac")]
        #expect(harness.advance(by: .seconds(1000)).requests(.bye).isEmpty)

        let updated = harness.receive(callerDialog.request(.update, headers: timer))
        #expect(updated.summary == ["200 UPDATE"], "answered here: there is no agent to relay it to")
        let refreshed = try #require(updated.responses.first)
        #expect(refreshed.headers["Session-Expires"].first?.hasPrefix("1800") == true)
        #expect(refreshed.body.isEmpty)

        let reinvited = harness.receive(callerDialog.request(.invite, body: SBCCaller.offer, headers: timer))
        #expect(reinvited.summary == ["200 INVITE"])
        #expect(reinvited.responses.first?.body == FakeHoldMedia.answer, "the description is unchanged, version and all")
        #expect(harness.advance(by: .seconds(1500)).requests(.bye).isEmpty,
                "refreshed 1000 s in: the caller's session outlives the 1800 s it was first given")
        let expired = harness.advance(by: .seconds(400)).requests(.bye)
        #expect(expired.first?.headers.callID == caller.callID, "and expires 1800 s after its last refresh")
    }

    @Test func whenNoStreamOpensTheCallerHearsRingbackAndIsAnsweredWithTheAgentsSDP() throws {
        let (harness, media) = try harness()
        media.opens = nil
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "180 INVITE", "INVITE"])
        let invite = try #require(arrived.requests(.invite).first)
        let answered = harness.receive(harness.agent(answering: invite).ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        #expect(answered.responses.first?.body == AgentLeg.answer(for: TestQueues.numbers["carol"] ?? ""))
    }

    @Test func anAgentAnsweringBeforeTheStreamOpensAnswersTheCallerAndTheStreamIsStoppedOnceOpen() throws {
        let (harness, media) = try harness()
        media.deferred = true
        let caller = harness.caller(calling: TestQueues.sales)
        let arrived = harness.receive(caller.invite)
        #expect(arrived.summary == ["100 INVITE", "INVITE"], "no ringback while the stream opens")
        let invite = try #require(arrived.requests(.invite).first)
        let carol = harness.agent(answering: invite)
        let answered = harness.receive(carol.ok())
        #expect(answered.summary == ["ACK", "200 INVITE"])
        #expect(answered.responses.first?.body == AgentLeg.answer(for: carol.number), "the agent's SDP, as without answered hold")
        #expect(media.stopped.isEmpty)
        media.finishOpening()
        #expect(harness.sender.takeSent().isEmpty, "no second answer to the caller")
        #expect(media.stopped == [caller.callID], "the stream that opened too late is closed")
    }
}
