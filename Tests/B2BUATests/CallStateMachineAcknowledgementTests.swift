@testable import B2BUA
import Testing

/// RFC 3261 §15: no BYE to the caller before the ACK of Switchboard's 200 (or its timeout), and the
/// agent who rang when an answered caller leaves.
@Suite("CallStateMachine: the caller's ACK before any BYE")
struct CallStateMachineAcknowledgementTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")

    @Test func aReleaseBeforeTheACKHoldsTheBYEAndTheRecordBackUntilTheACK() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        #expect(call.handle(.holdReady) == [.answerCallerForHold])
        #expect(call.handle(.release(statusCode: 480, reason: "Queue timeout")) == [],
                "the caller has not acknowledged the 200: nothing is sent yet")
        #expect(call.isEnded)
        #expect(call.handle(.limitReached) == [], "a second ending changes nothing")
        #expect(call.handle(.callerAcknowledged) == [.hangUpCaller, .finished(.released(statusCode: 480, reason: "Queue timeout"))])
        #expect(call.handle(.callerAcknowledged) == [])
    }

    @Test func theACKsTimeoutSendsTheHeldBackBYE() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.limitReached) == [.cancelAgent(attempt: 1), .notify(.callerAbandoned("c1"))])
        #expect(call.handle(.callerAcknowledgementTimeout) == [.hangUpCaller, .finished(.abandoned(ringingAgentID: "alice"))])
    }

    @Test func theCallersOwnBYEEndsTheCallWithoutOneOfOurs() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.release(statusCode: 480, reason: "Queue timeout"))
        #expect(call.handle(.callerHungUp) == [.finished(.released(statusCode: 480, reason: "Queue timeout"))])
    }

    @Test func theAgentHangingUpBeforeTheCallerAcknowledgedTheAgentsSDPWaitsForTheACKToo() {
        var call = CallStateMachine(callID: "c1")
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.agentHungUp) == [.notify(.callEnded("c1", agentID: "alice"))])
        #expect(call.handle(.callerAcknowledged) == [.hangUpCaller, .finished(.completed(agentID: "alice", endedBy: .agent))])
    }

    @Test func onceAcknowledgedTheBYEGoesAtOnce() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        #expect(call.handle(.release(statusCode: 480, reason: "Queue timeout")) == [
            .hangUpCaller, .finished(.released(statusCode: 480, reason: "Queue timeout")),
        ])
    }

    @Test func anAnsweredCallerHangingUpWhileAnAgentRingsNamesThatAgent() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerHungUp) == [.cancelAgent(attempt: 1), .notify(.callerAbandoned("c1")),
                                              .finished(.abandoned(ringingAgentID: "alice"))], "as a ringback caller's CANCEL does")
    }
}
