@testable import B2BUA
import Testing

@Suite("CallStateMachine callbacks")
struct CallStateMachineCallbackTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")
    let bob = AgentOffer(agentID: "bob", number: "+15550202")

    /// A caller on answered hold whose callback the engine accepted and who heard the confirmation.
    private func awaitingAgent() -> CallStateMachine {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.callBack(ringTimeout: .seconds(20)))
        _ = call.handle(.callbackConfirmed)
        return call
    }

    @Test func theConfirmationPlaysThenTheCallersLegEndsWithBYEAndNoAbandon() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        #expect(call.handle(.callerPressed(key: "*")) == [.notify(.callerPressedKey("c1", key: "*"))])
        #expect(call.handle(.callBack(ringTimeout: .seconds(20))) == [.confirmCallback])
        #expect(call.handle(.callerPressed(key: "1")) == [], "keys during the confirmation go nowhere")
        #expect(call.handle(.callbackConfirmed) == [.hangUpCaller, .stopCallerStream])
        #expect(call.handle(.callerHungUp) == [], "a crossing BYE is no abandon: the place is kept")
        #expect(call.handle(.limitReached) == [])
        #expect(!call.isEnded)
        #expect(call.isCallback)
    }

    @Test func aCallerHangingUpDuringTheConfirmationKeepsTheCallbackWithoutABYE() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.callBack(ringTimeout: .seconds(20)))
        #expect(call.handle(.callerHungUp) == [.stopCallerStream])
        #expect(call.handle(.callbackConfirmed) == [])
        #expect(!call.isEnded)
    }

    @Test func aCallerNotOnHoldIsNotCalledBack() {
        var call = CallStateMachine(callID: "c1")
        #expect(call.handle(.callBack(ringTimeout: .seconds(20))) == [])
        #expect(!call.isCallback)
    }

    @Test func theAgentIsRungFirstThenTheCallerThenMediaIsReleasedToTheAgent() {
        var call = awaitingAgent()
        #expect(call.handle(.offer(alice, ringTimeout: .seconds(15))) == [.ringAgent(attempt: 1, alice), .startRingTimer(attempt: 1, .seconds(15))])
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .notify(.offerAnswered("c1", agentID: "alice")), .callCallerBack(attempt: 1, toTag: "a", ringTimeout: .seconds(20)),
        ])
        #expect(!call.isConnected, "connected only once the caller answers")
        #expect(call.handle(.callbackCallerAnswered) == [.releaseCallbackAgent(attempt: 1), .notify(.callbackConnected("c1", agentID: "alice"))])
        #expect(call.isConnected)
        #expect(call.handle(.agentHungUp) == [.hangUpCaller, .notify(.callEnded("c1", agentID: "alice")),
                                             .finished(.completed(agentID: "alice", endedBy: .agent))])
    }

    @Test func anUnansweredCallBackEndsTheAgentsLegAndWaitsForTheNextOffer() {
        var call = awaitingAgent()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.callbackCallerFailed(statusCode: 486)) == [
            .endCallbackAgent(attempt: 1, sendBYE: true), .notify(.callbackUnanswered("c1", agentID: "alice", statusCode: 486)),
        ])
        #expect(call.handle(.offer(bob, ringTimeout: .seconds(15))) == [.ringAgent(attempt: 2, bob), .startRingTimer(attempt: 2, .seconds(15))])
        #expect(call.handle(.agentAnswered(attempt: 2, toTag: "b")) == [
            .notify(.offerAnswered("c1", agentID: "bob")), .callCallerBack(attempt: 2, toTag: "b", ringTimeout: .seconds(20)),
        ])
        #expect(call.handle(.agentHungUp) == [
            .cancelCallerCall, .endCallbackAgent(attempt: 2, sendBYE: false), .notify(.callbackUnanswered("c1", agentID: "bob", statusCode: nil)),
        ], "the agent gave up while the caller rang: the attempt is over")
    }

    @Test func theEnginesFailureEndsTheCallWithItsOutcome() {
        var call = awaitingAgent()
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callbackFailed(attempts: 3)) == [.cancelAgent(attempt: 1), .finished(.callbackFailed(attempts: 3))])
        #expect(call.isEnded)
    }

    @Test func aReleaseOfAnEntrySendsNothingToTheCallerWhoIsGone() {
        var call = awaitingAgent()
        #expect(call.handle(.release(statusCode: 480, reason: "Queue timeout")) == [.finished(.released(statusCode: 480, reason: "Queue timeout"))])
    }

    @Test func anAgentAnsweringDuringTheConfirmationEndsItAndCallsTheCallerBack() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.callBack(ringTimeout: .seconds(20)))
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.agentAnswered(attempt: 1, toTag: "a")) == [
            .hangUpCaller, .stopCallerStream,
            .notify(.offerAnswered("c1", agentID: "alice")), .callCallerBack(attempt: 1, toTag: "a", ringTimeout: .seconds(20)),
        ])
    }
}
