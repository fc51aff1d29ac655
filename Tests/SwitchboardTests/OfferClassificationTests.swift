import ACD
import B2BUA
import SIPCore
import SwitchboardTestKit
import Testing

/// Ring timeouts in process, each with its own progress: who is charged depends on how far the
/// B-leg INVITE got, never on the ring timer alone.
@Suite("Who a ring timeout is charged to")
struct OfferClassificationTests {
    @Test func aSilentSBCIsATrunkFailureAndNoAgentIsCharged() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let agent = try #require(agentID(of: first))

        let timedOut = harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))
        #expect(timedOut.requests(.cancel).isEmpty, "no CANCEL before a provisional response (RFC 3261 §9.1)")
        #expect(newInvites(in: timedOut, besides: first).isEmpty, "the caller is held for the trunk failure retry delay")
        let snapshot = try #require(harness.distributor.agent(agent.rawValue))
        #expect(snapshot.backOffUntil == nil)
        #expect(snapshot.consecutiveMisses == 0)
        #expect(snapshot.state == .idle)

        let retried = harness.advance(by: .seconds(2))
        #expect(newInvites(in: retried, besides: first).count == 1, "offered again once the retry delay is over")
    }

    @Test func accepted100WithoutRingingIsUnreachableNotANoAnswer() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let agent = try #require(agentID(of: first))
        #expect(harness.receive(harness.agent(answering: first).response(100)).summary == [])

        let timedOut = harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))
        #expect(timedOut.requests(.cancel).count == 1)
        let next = try #require(newInvites(in: timedOut, besides: first).first, "the other agent is offered at once")
        #expect(next.number != first.number)
        let snapshot = try #require(harness.distributor.agent(agent.rawValue))
        #expect(snapshot.backOffUntil != nil, "the unreachable back-off applies")
        #expect(snapshot.consecutiveMisses == 0, "unreachable never counts toward RONA")
    }

    @Test func ringingUntilTheTimeoutIsTheAgentsNoAnswer() throws {
        let harness = try CallHarness()
        let caller = harness.caller(calling: TestQueues.support)
        let first = try #require(harness.receive(caller.invite).requests(.invite).first)
        let agent = try #require(agentID(of: first))
        let leg = harness.agent(answering: first)
        #expect(harness.receive(leg.response(100)).summary == [])
        #expect(harness.receive(leg.response(180)).summary == [])
        #expect(harness.distributor.agent(agent.rawValue)?.state == .offering(ACD.CallID(caller.invite.headers.callID)))

        let timedOut = harness.advance(by: TestQueues.ringTimeout + .milliseconds(20))
        #expect(timedOut.summary == ["CANCEL", "INVITE"])
        let snapshot = try #require(harness.distributor.agent(agent.rawValue))
        #expect(snapshot.backOffUntil != nil)
        #expect(snapshot.consecutiveMisses == 1, "a no-answer counts toward RONA")
    }

    /// The agent a B-leg INVITE offers the call to.
    private func agentID(of invite: SIPRequest) -> AgentID? {
        TestQueues.numbers.first { $0.value == invite.number }?.key
    }

    /// B-leg INVITEs other than `first` and its retransmissions.
    private func newInvites(in sent: [LoopbackMessageSender.Sent], besides first: SIPRequest) -> [SIPRequest] {
        sent.requests(.invite).filter { $0.headers.callID != first.headers.callID }
    }
}
