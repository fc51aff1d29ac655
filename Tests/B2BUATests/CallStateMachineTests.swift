import B2BUA
import Testing

@Suite("CallStateMachine")
struct CallStateMachineTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")
    let bob = AgentOffer(agentID: "bob", number: "+15550202")

    @Test func offerRingsTheAgentAndStartsTheRingTimer() {
        var call = CallStateMachine(callID: "c1")
        #expect(call.handle(.offer(alice, ringTimeout: .seconds(15))) == [
            .ringAgent(attempt: 1, alice), .startRingTimer(attempt: 1, .seconds(15)),
        ])
        #expect(call.ringing == [1: alice])
    }

    @Test func answerConnectsBothLegsAndTellsTheQueue() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "t1")) == [
            .answerCaller(attempt: 1, toTag: "t1"), .notify(.offerAnswered("c1", agentID: "alice")),
        ])
        #expect(call.connectedAttempt == 1)
        #expect(!call.isConnected)
        #expect(call.handle(.callerAcknowledged) == [])
        #expect(call.isConnected)
        #expect(call.handle(.callerHungUp) == [
            .hangUpAgent, .notify(.callEnded("c1", agentID: "alice")), .finished(.completed(agentID: "alice", endedBy: .caller)),
        ])
        #expect(call.isEnded)
    }

    @Test func ringTimeoutCancelsAndReturnsToTheQueueThenTheNextAgentAnswers() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentRinging(attempt: 1)) == [.notify(.offerRinging("c1", agentID: "alice"))])
        #expect(call.handle(.ringTimeout(attempt: 1, progress: .ringing)) == [
            .cancelAgent(attempt: 1), .notify(.offerFailed("c1", agentID: "alice", .noAnswer)),
        ])
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [
            .ringAgent(attempt: 2, bob), .startRingTimer(attempt: 2, .seconds(15)),
        ])
        #expect(call.handle(.ringTimeout(attempt: 1, progress: .ringing)) == [], "a stale timer is ignored")
        #expect(call.handle(.agentRinging(attempt: 1)) == [], "a late 180 of a cancelled attempt is not reported")
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "late")) == [.hangUpStrayAnswer(attempt: 1, toTag: "late")],
                "the cancelled agent's late 200 is hung up, never bridged")
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .answerCaller(attempt: 2, toTag: "b"), .notify(.offerAnswered("c1", agentID: "bob")),
        ])
    }

    @Test(arguments: [(486, OfferFailure.busy), (600, .busy), (603, .declined), (480, .unreachable), (404, .unreachable),
                      (408, .trunkFailure), (503, .trunkFailure), (504, .trunkFailure)])
    func failuresMapToTheirOwnBackOff(statusCode: Int, failure: OfferFailure) {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentFailed(attempt: 1, statusCode: statusCode)) == [.notify(.offerFailed("c1", agentID: "alice", failure))])
        #expect(call.ringing.isEmpty)
    }

    @Test func secondForkAnsweringIsHungUp() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "desktop"))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "mobile")) == [.hangUpStrayAnswer(attempt: 1, toTag: "mobile")])
    }

    @Test func callerCancelWhileQueued() {
        var call = CallStateMachine(callID: "c1")
        #expect(call.handle(.callerCancelled) == [
            .rejectCaller(statusCode: 487, reason: "Request Terminated"), .notify(.callerAbandoned("c1")),
            .finished(.abandoned(ringingAgentID: nil)),
        ])
        #expect(call.isEnded)
    }

    @Test func callerCancelWhileAgentRingsCancelsTheAgent() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerCancelled) == [
            .cancelAgent(attempt: 1), .rejectCaller(statusCode: 487, reason: "Request Terminated"),
            .notify(.callerAbandoned("c1")), .finished(.abandoned(ringingAgentID: "alice")),
        ])
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "t")) == [.hangUpStrayAnswer(attempt: 1, toTag: "t")])
    }

    @Test func agentHangUpEndsTheCallerLeg() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "t"))
        _ = call.handle(.callerAcknowledged)
        #expect(call.handle(.agentHungUp) == [
            .hangUpCaller, .notify(.callEnded("c1", agentID: "alice")), .finished(.completed(agentID: "alice", endedBy: .agent)),
        ])
        #expect(call.handle(.callerHungUp) == [], "a crossing BYE after the end does nothing")
    }

    @Test func limitEndsBothLegs() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "t"))
        _ = call.handle(.callerAcknowledged)
        #expect(call.handle(.limitReached) == [
            .hangUpCaller, .hangUpAgent, .notify(.callEnded("c1", agentID: "alice")),
            .finished(.completed(agentID: "alice", endedBy: .switchboard)),
        ])
    }

    @Test func releaseWhileQueuedAnswersTheCaller() {
        var call = CallStateMachine(callID: "c1")
        #expect(call.handle(.release(statusCode: 480, reason: "No agents")) == [
            .rejectCaller(statusCode: 480, reason: "No agents"), .finished(.released(statusCode: 480, reason: "No agents")),
        ])
    }

    @Test func redirectWhileRingingCancelsTheAgentAndSendsTheCallerOn() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.redirect(number: "+15550999")) == [
            .cancelAgent(attempt: 1), .redirectCaller(number: "+15550999"), .finished(.redirected(number: "+15550999")),
        ])
        #expect(call.isEnded)
    }

    @Test func ringAllCancelsTheOthersWhenOneAnswers() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [
            .ringAgent(attempt: 2, bob), .startRingTimer(attempt: 2, .seconds(15)),
        ])
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [], "an agent already ringing is not rung twice")
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .cancelAgent(attempt: 1), .answerCaller(attempt: 2, toTag: "b"), .notify(.offerAnswered("c1", agentID: "bob")),
        ])
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [.hangUpStrayAnswer(attempt: 1, toTag: "a")])
    }

    @Test func cancelOfferStopsOneAgentOnly() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.cancelOffer(agentID: "alice")) == [.cancelAgent(attempt: 1)])
        #expect(call.handle(.cancelOffer(agentID: "alice")) == [])
        #expect(call.ringing == [2: bob])
        #expect(call.handle(.ringTimeout(attempt: 1, progress: .none)) == [], "the cancelled attempt's timer is stale")
    }

    @Test func anOfferAfterTheAnswerIsRefusedWithoutBlamingTheAgent() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [.notify(.offerFailed("c1", agentID: "bob", .trunkFailure))])
        #expect(call.agent == alice)
    }
}
