import B2BUA
import SIPCore
import SIPTransport
import SwitchboardTestKit
import Testing

@Suite("Bounded state: ended calls linger small, waiting callers and transactions are capped")
struct LimitsTests {
    @Test func anEndedCallAnswersACrossingBYEAndRefusesOtherRequests() throws {
        let harness = try CallHarness()
        var call = try harness.connect()
        try harness.callerHangsUp(&call)
        #expect(harness.router.liveCounts.calls == 0)

        #expect(harness.receive(call.agentDialog.request(.bye)).summary == ["200 BYE"])
        #expect(harness.receive(call.callerDialog.request(.info)).summary == ["481 INFO"])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aRetransmitted2xxAfterTheEndIsAcknowledgedInItsDialogAgain() throws {
        let harness = try CallHarness()
        var call = try harness.connect()
        try harness.callerHangsUp(&call)

        let again = harness.receive(call.agent.ok())
        #expect(again.summary == ["ACK"])
        let ack = try #require(again.requests(.ack).first)
        #expect(ack.headers.callID == call.agent.invite.headers.callID)
        #expect(ack.headers.from.tag == call.agent.invite.headers.from.tag)
        #expect(ack.headers.to.tag == call.agent.toTag)
        #expect(ack.headers.cseq.sequenceNumber == 1)
        #expect(ack.requestURI == call.agent.ok().headers.contact.first?.uri)
        harness.expectNothingHeldAfterLinger()
    }

    @Test func aLateForkAfterTheEndIsAcknowledgedAndHungUp() throws {
        let harness = try CallHarness()
        var call = try harness.connect()
        try harness.callerHangsUp(&call)

        let lateFork = harness.agent(answering: call.agent.invite)
        let sent = harness.receive(lateFork.ok())
        #expect(sent.summary == ["ACK", "BYE"])
        #expect(sent.allSatisfy { $0.message.headers.callID == call.agent.invite.headers.callID })
        let bye = try #require(sent.requests(.bye).first)
        #expect(bye.headers.to.tag == lateFork.toTag)
        #expect(harness.receive(lateFork.response(to: bye)).summary == [])
        harness.expectNothingHeldAfterLinger()
    }

    @Test func callersPastTheWaitingCapGet503QueueFull() throws {
        let harness = try CallHarness(maximumWaitingCalls: 2)
        for _ in 0..<2 {
            #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary == ["100 INVITE", "180 INVITE"])
        }
        let refused = harness.receive(harness.caller(calling: TestQueues.lobby).invite)
        #expect(refused.summary == ["503 INVITE"])
        #expect(refused.responses.first?.reasonPhrase == "Queue Full")
        #expect(refused.responses.first?.headers["Retry-After"] == ["30"])
        #expect(harness.router.waitingCount == 2)
    }

    @Test func aWaitingPlaceTakenByAnINVITERefusedAfterItsQueueWasFoundIsGivenBack() throws {
        let harness = try CallHarness(maximumWaitingCalls: 1)
        #expect(harness.receive(inviteWithoutOffer(harness)).summary == ["488 INVITE"])
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary == ["100 INVITE", "180 INVITE"],
                "the one waiting place is still free after the refusal")
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).responses.first?.reasonPhrase == "Queue Full")
    }

    @Test func pastTheConcurrentCallLimitANewCallGetsAStateless503AndTheCallUpIsServed() throws {
        let harness = try CallHarness(maximumConcurrentCalls: 1)
        #expect(harness.router.admitsNewCallsAtOnce)
        var call = try harness.connect()
        #expect(!harness.router.admitsNewCallsAtOnce, "at the limit a new call waits for its parse and its 503, no 100 first")
        let transactions = harness.layer.serverTransactionCount
        let refused = harness.receive(harness.caller(calling: TestQueues.sales).invite)
        #expect(refused.summary == ["503 INVITE"])
        #expect(refused.responses.first?.reasonPhrase == "Capacity Reached")
        #expect(refused.responses.first?.headers["Retry-After"] == ["30"])
        #expect(refused.responses.first?.headers.to.tag != nil)
        #expect(harness.layer.refusedNewCalls == ["Capacity Reached": 1])
        #expect(harness.layer.serverTransactionCount == transactions)
        try harness.callerHangsUp(&call)
        #expect(harness.router.admitsNewCallsAtOnce)
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary == ["100 INVITE", "180 INVITE"])
        let drained = harness.router.drain(minimum: .zero, maximum: .seconds(60))
        #expect(!harness.router.admitsNewCallsAtOnce, "nor while draining")
        harness.advance(by: .seconds(61))
        #expect(throws: Never.self) { try drained.wait() }
    }

    @Test func aPlaceReservedForAnINVITERefusedAfterItsAdmissionIsGivenBack() throws {
        let harness = try CallHarness(maximumConcurrentCalls: 1)
        var backlog = InboundBacklog(queuedBytes: 8 << 20, capacityBytes: 16 << 20)
        harness.router.inboundBacklog = { backlog }
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).responses.first?.reasonPhrase == "Overloaded")
        backlog.queuedBytes = 0
        #expect(harness.receive(harness.caller(calling: "+15559999").invite).summary == ["404 INVITE"])
        #expect(harness.receive(inviteWithoutOffer(harness)).summary == ["488 INVITE"])
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary == ["100 INVITE", "180 INVITE"],
                "the one place is still free after three refusals")
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).responses.first?.reasonPhrase == "Capacity Reached")
    }

    @Test func whileTheReceiveBacklogIsHighNewCallsGet503OverloadedAndEverythingElseIsServed() throws {
        let harness = try CallHarness()
        var backlog = InboundBacklog(queuedBytes: 0, capacityBytes: 16 << 20)
        harness.router.inboundBacklog = { backlog }
        var call = try harness.connect()

        backlog.queuedBytes = 8 << 20
        let refused = harness.receive(harness.caller(calling: TestQueues.lobby).invite)
        #expect(refused.summary == ["503 INVITE"])
        #expect(refused.responses.first?.reasonPhrase == "Overloaded")
        #expect(harness.router.overload.isOverloaded)
        #expect(!harness.router.admitsNewCallsAtOnce, "no 100 before the parse during an overload episode")
        var options = harness.caller(calling: TestQueues.lobby).invite
        options.method = .options
        options.headers.cseq = SIPCSeq(sequenceNumber: 1, method: .options)
        options.body = []
        #expect(harness.receive(options).summary == ["200 OPTIONS"], "the SBC's health check keeps its answer")
        try harness.callerHangsUp(&call)

        backlog.queuedBytes = 5 << 18
        let halfway = (0..<4).map { _ in harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary }
        #expect(halfway.filter { $0 == ["503 INVITE"] }.count == 2, "halfway between the marks: every second new call")
        backlog.queuedBytes = 1 << 18
        #expect(harness.receive(harness.caller(calling: TestQueues.lobby).invite).summary == ["100 INVITE", "180 INVITE"])
        #expect(harness.layer.refusedNewCalls == ["Overloaded": 3])
        harness.advance(by: .seconds(11))
        #expect(!harness.router.overload.isOverloaded, "over once the backlog stayed low for 5 s, with no new call needed")
        #expect(harness.router.admitsNewCallsAtOnce)
    }

    /// A caller's INVITE to the lobby without an SDP offer, which the router refuses with `488` after
    /// finding its queue.
    private func inviteWithoutOffer(_ harness: CallHarness) -> SIPRequest {
        var invite = harness.caller(calling: TestQueues.lobby).invite
        invite.body = []
        return invite
    }
}
