@testable import B2BUA
import Testing

@Suite("CallStateMachine keys on answered hold")
struct CallStateMachineKeyTests {
    let alice = AgentOffer(agentID: "alice", number: "+15550201")

    @Test func aKeyFromTheAnsweredCallerGoesToTheQueueEngineBeforeAndAfterTheACK() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        #expect(call.handle(.callerPressed(key: "0")) == [.notify(.callerPressedKey("c1", key: "0"))], "RTP may come before the ACK")
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        #expect(call.handle(.callerPressed(key: "*")) == [.notify(.callerPressedKey("c1", key: "*"))], "also while an agent rings")
    }

    @Test func noKeyCountsBeforeSwitchboardAnsweredTheCaller() {
        var opening = CallStateMachine(callID: "c1", answeredHold: true)
        #expect(opening.handle(.callerPressed(key: "0")) == [])
        var ringback = CallStateMachine(callID: "c2")
        #expect(ringback.handle(.callerPressed(key: "0")) == [])
        var fellBack = CallStateMachine(callID: "c3", answeredHold: true)
        _ = fellBack.handle(.holdUnavailable)
        #expect(fellBack.handle(.callerPressed(key: "0")) == [])
    }

    @Test func keysAreTheAgentsBusinessOnceAnAgentAnswered() {
        var call = CallStateMachine(callID: "c1", answeredHold: true)
        _ = call.handle(.holdReady)
        _ = call.handle(.callerAcknowledged)
        _ = call.handle(.offer(alice, ringTimeout: .seconds(15)))
        _ = call.handle(.agentAnswered(attempt: 1, toTag: "a"))
        #expect(call.handle(.callerPressed(key: "0")) == [])
        _ = call.handle(.callerHungUp)
        #expect(call.handle(.callerPressed(key: "0")) == [])
    }
}
