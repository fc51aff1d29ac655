import B2BUA
import Testing

@Suite("CallStateMachine blind transfer")
struct CallStateMachineTransferTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")
    let bob = AgentOffer(agentID: "bob", number: "+15550202")

    private func connected() -> CallStateMachine {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        _ = call.handle(.callerAcknowledged)
        return call
    }

    @Test func transferToAQueueRequeuesTheCallerAndReconnectsThemToTheNextAgent() {
        var call = connected()
        #expect(call.handle(.agentTransferred(.queue("sales"))) == [
            .acceptTransfer(reportProgress: false), .notify(.callEnded("c1", agentID: "alice")), .completeTransfer(statusCode: 200), .requeue(queue: "sales"),
        ])
        #expect(!call.isConnected)
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [
            .ringAgent(attempt: 2, bob), .startRingTimer(attempt: 2, .seconds(15)),
        ])
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .reconnectCaller(attempt: 2, toTag: "b"), .notify(.offerAnswered("c1", agentID: "bob")),
        ], "the caller is already answered: re-INVITE, never a second 200")
        #expect(call.isConnected)
        #expect(call.agent == bob)
    }

    @Test func callerHangingUpWhileRequeuedAbandons() {
        var call = connected()
        _ = call.handle(.agentTransferred(.queue("sales")))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerHungUp) == [
            .cancelAgent(attempt: 2), .notify(.callerAbandoned("c1")), .finished(.abandoned(ringingAgentID: "bob")),
        ], "the agent who rang is named, as for a caller's CANCEL")
    }

    @Test func aRequeuedCallerWhoseQueueLetsThemGoIsHungUpNotAnsweredAgain() {
        var call = connected()
        _ = call.handle(.agentTransferred(.queue("sales")))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.release(statusCode: 480, reason: "Queue timeout")) == [
            .cancelAgent(attempt: 2), .hangUpCaller, .finished(.released(statusCode: 480, reason: "Queue timeout")),
        ], "the INVITE already has its 200: a final response would be lost and the caller left in silence")
        #expect(call.isEnded)
    }

    @Test func aRequeuedCallerSentToANumberIsHungUpSinceA302CannotFollowA200() {
        var call = connected()
        _ = call.handle(.agentTransferred(.queue("sales")))
        #expect(call.handle(.redirect(number: "+15550999")) == [
            .hangUpCaller, .finished(.released(statusCode: 480, reason: "Cannot redirect an answered call to +15550999")),
        ])
    }

    @Test func transferToAnOutsideNumberRingsTheExactReferToThenConnects() {
        var call = connected()
        let referTo = "<sip:+15557654321@sbc.example.com;user=phone>"
        #expect(call.handle(.agentTransferred(.uri(referTo: referTo, referredBy: "<sip:+15550201@sbc.example.com>"))) == [
            .acceptTransfer(reportProgress: true), .notify(.callEnded("c1", agentID: "alice")),
            .ringTransferTarget(attempt: 2, referTo: referTo, referredBy: "<sip:+15550201@sbc.example.com>"),
        ])
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "x")) == [.reconnectCaller(attempt: 2, toTag: "x"), .completeTransfer(statusCode: 200)])
        #expect(call.isConnected)
        #expect(call.handle(.callerHungUp) == [.hangUpAgent, .finished(.transferred(endedBy: .caller))])
    }

    @Test func aFailedTransferTellsTheAgentAndEndsTheCall() {
        var call = connected()
        _ = call.handle(.agentTransferred(.uri(referTo: "<sip:+15557654321@sbc>", referredBy: nil)))
        #expect(call.handle(.agentFailed(attempt: 2, statusCode: 486)) == [
            .completeTransfer(statusCode: 486), .hangUpCaller, .finished(.transferFailed(statusCode: 486)),
        ])
        #expect(call.isEnded)
    }

    @Test func referBeforeTheCallerAcknowledgedWaitsForTheACK() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.agentTransferred(.queue("sales"))) == [])
        #expect(call.handle(.agentTransferred(.queue("sales"))) == [.rejectTransfer(statusCode: 491)], "a second REFER meanwhile")
        #expect(call.handle(.callerAcknowledged) == [
            .acceptTransfer(reportProgress: false), .notify(.callEnded("c1", agentID: "alice")), .completeTransfer(statusCode: 200), .requeue(queue: "sales"),
        ])
    }
}
