@testable import B2BUA
import Testing

@Suite("CallStateMachine early media")
struct CallStateMachineEarlyMediaTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")
    let bob = AgentOffer(agentID: "bob", number: "+15550202")

    /// A caller of a queue with early media whose stream is open: a 183 went out, no 200.
    private func early() -> CallStateMachine {
        var call = CallStateMachine(callID: "c1", answeredHold: true, earlyMedia: true)
        _ = call.handle(.holdReady)
        return call
    }

    @Test func theStreamOpeningSendsEarlyMediaAndTheCallerStaysUnanswered() {
        var call = CallStateMachine(callID: "c1", answeredHold: true, earlyMedia: true)
        #expect(call.handle(.holdReady) == [.sendEarlyMedia])
        #expect(!call.callerAnswered, "a 183 is no answer")
    }

    @Test func theAgentAnsweringAnswersTheCallerWithThe183sSDPThenReleasesAfterTheACK() {
        var call = early()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .cancelAgent(attempt: 2), .answerEarlyCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ])
        #expect(!call.isConnected, "connected once the caller acknowledges the 200")
        #expect(call.handle(.callerAcknowledged) == [])
        #expect(call.isConnected)
        #expect(call.handle(.agentHungUp) == [.hangUpCaller, .notify(.callEnded("c1", agentID: "alice")),
                                             .finished(.completed(agentID: "alice", endedBy: .agent))])
    }

    @Test func aCANCELDuringEarlyMediaEndsTheCallWith487AsWithRingback() {
        var call = early()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerCancelled) == [
            .cancelAgent(attempt: 1), .rejectCaller(statusCode: 487, reason: "Request Terminated"),
            .notify(.callerAbandoned("c1")), .finished(.abandoned(ringingAgentID: "alice")),
        ])
        #expect(call.isEnded)
    }

    @Test func aReleaseOrRedirectDuringEarlyMediaIsAFinalResponseNotABYE() {
        var released = early()
        #expect(released.handle(.release(statusCode: 480, reason: "Queue timeout")) == [
            .rejectCaller(statusCode: 480, reason: "Queue timeout"), .finished(.released(statusCode: 480, reason: "Queue timeout")),
        ])
        var redirected = early()
        #expect(redirected.handle(.redirect(number: "+15550999")) == [
            .redirectCaller(number: "+15550999"), .finished(.redirected(number: "+15550999")),
        ], "unlike answered hold, an unanswered caller can still be sent a 302")
    }

    @Test func aCallerWhoNeverAcknowledgesTheAgentsAnswerHangsUpBothLegs() {
        var call = early()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.callerAcknowledgementTimeout) == [
            .hangUpCaller, .hangUpAgent, .notify(.callEnded("c1", agentID: "alice")),
            .finished(.completed(agentID: "alice", endedBy: .switchboard)),
        ])
    }

    @Test func aStrayOrSecondAnswerIsHungUpNotAnsweredAgain() {
        var call = early()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "b")) == [.hangUpStrayAnswer(attempt: 1, toTag: "b")])
    }

    @Test func earlyMediaWithoutAStreamFallsBackToRingbackAndTheAgentsSDP() {
        var call = CallStateMachine(callID: "c1", answeredHold: true, earlyMedia: true)
        #expect(call.handle(.holdUnavailable) == [.ringBack])
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .answerCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ])
    }

    @Test func earlyMediaNeedsAnsweredHold() {
        var call = CallStateMachine(callID: "c1", earlyMedia: true)
        #expect(call.handle(.holdReady) == [.stopHold])
    }

    @Test func aTransferredCallerOnceAnsweredIsReleasedToTheNextAgentByReINVITE() {
        var call = early()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.agentTransferred(.queue("sales")))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .releaseHeldCaller(attempt: 2, toTag: "b"), .notify(.offerAnswered("c1", agentID: "bob")),
        ])
    }
}
