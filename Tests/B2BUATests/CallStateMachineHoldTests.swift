@testable import B2BUA
import Testing

@Suite("CallStateMachine answered hold")
struct CallStateMachineHoldTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")
    let bob = AgentOffer(agentID: "bob", number: "+15550202")

    /// A caller of a queue with answered hold, answered by Switchboard and acknowledged.
    private func onHold() -> CallStateMachine {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        return call
    }

    @Test func theCallerIsAnsweredFromTheHoldStreamThenReleasedToTheAgentWhoAnswers() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        #expect(call.handle(.holdReady) == [.answerCallerForHold])
        #expect(call.handle(.callerAcknowledged) == [])
        #expect(call.handle(.offer(alice, ringTimeout: .seconds(15))) == [.ringAgent(attempt: 1, alice), .startRingTimer(attempt: 1, .seconds(15))])
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .releaseHeldCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ], "the caller already has a 200: a re-INVITE with the agent's SDP, never a second 200")
        #expect(call.isConnected)
        #expect(call.handle(.callerHungUp) == [.hangUpAgent, .notify(.callEnded("c1", agentID: "alice")),
                                              .finished(.completed(agentID: "alice", endedBy: .caller))])
    }

    @Test func anAgentAnsweringBeforeTheCallersACKIsReleasedToAsWell() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .releaseHeldCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ], "the session holds the re-INVITE back until the caller's ACK")
        #expect(call.handle(.callerAcknowledged) == [])
        #expect(call.isConnected)
    }

    @Test func anAgentAnsweringBeforeTheStreamOpensAnswersTheCallerAsWithRingbackAndTheStreamIsStopped() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .answerCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ])
        #expect(call.handle(.holdReady) == [.stopHold])
        #expect(call.handle(.callerAcknowledged) == [])
        #expect(call.isConnected)
    }

    @Test func aStreamThatCannotOpenFallsBackToRingback() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        #expect(call.handle(.holdUnavailable) == [.ringBack])
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .answerCaller(attempt: 1, toTag: "a"), .notify(.offerAnswered("c1", agentID: "alice")),
        ])
    }

    @Test func aCallerHangingUpOnHoldAbandonsAndAnyRingingAgentIsCancelled() {
        var call = onHold()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerHungUp) == [.cancelAgent(attempt: 1), .notify(.callerAbandoned("c1")),
                                              .finished(.abandoned(ringingAgentID: "alice"))])
        #expect(call.isEnded)
    }

    @Test func aCANCELAfterSwitchboardsAnswerChangesNothing() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        #expect(call.handle(.callerCancelled) == [], "RFC 3261 §9.2: a CANCEL after the final response has no effect")
        #expect(!call.isEnded)
    }

    @Test func aCallerWhoNeverAcknowledgesTheAnswerIsHungUp() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        #expect(call.handle(.callerAcknowledgementTimeout) == [
            .hangUpCaller, .notify(.callerAbandoned("c1")), .finished(.abandoned(ringingAgentID: nil)),
        ])
        #expect(call.isEnded)
    }

    @Test func aQueueLettingAHeldCallerGoHangsUpRatherThanSendingASecondFinalResponse() {
        var call = onHold()
        #expect(call.handle(.release(statusCode: 480, reason: "Queue timeout")) == [
            .hangUpCaller, .finished(.released(statusCode: 480, reason: "Queue timeout")),
        ])
    }

    @Test func aHeldCallerReleasedToAnAgentWhoTransfersIsRequeuedAndLaterReconnected() {
        var call = onHold()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        _ = call.handle(.agentTransferred(.queue("sales")))
        _ = call.handle(.offer(bob, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .releaseHeldCaller(attempt: 2, toTag: "b"), .notify(.offerAnswered("c1", agentID: "bob")),
        ], "still Switchboard's session toward the caller: the next offer keeps its origin")
    }

    @Test func withoutAnsweredHoldTheStreamEventsDoNothing() {
        var call = CallStateMachine(callID: "c1")
        #expect(call.handle(.holdUnavailable) == [])
        #expect(call.handle(.holdReady) == [.stopHold])
        #expect(call.handle(.callerCancelled) == [.rejectCaller(statusCode: 487, reason: "Request Terminated"),
                                                   .notify(.callerAbandoned("c1")), .finished(.abandoned(ringingAgentID: nil))])
    }
}
