@testable import ACD
import Testing

/// While the trunk to the agents is down the engine makes no offer and charges no agent; callers
/// wait under their queue's own rules and are offered as soon as offers resume.
@Suite("Offers suspended while the trunk is down")
struct OfferSuspensionTests {
    @Test func waitingCallersStayQueuedAndAreOfferedOnResumption() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]), readyAgents: ["a1", "a2"])
        harness.send(.offersSuspended(true))
        #expect(harness.arrive("c1").offeredAgents.isEmpty)
        #expect(harness.arrive("c2").offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(120)).isEmpty, "no offer, no overflow without a max wait")
        #expect(harness.engine.agent("a1")?.backOffUntil == nil)
        #expect(harness.engine.agent("a1")?.consecutiveMisses == 0)
        let resumed = harness.send(.offersSuspended(false))
        #expect(resumed.offers.map(\.call) == ["c1", "c2"])
    }

    @Test func maxWaitStillOverflowsWhileSuspended() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.maxWait = .seconds(60) }, readyAgents: ["a1"])
        harness.send(.offersSuspended(true))
        harness.arrive("c1")
        #expect(harness.advance(.seconds(60)).overflows.map(\.reason) == [.timeout])
    }

    @Test func anOfferInFlightEndsAsReportedAndTheCallerWaits() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]), readyAgents: ["a1", "a2"])
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offersSuspended(true))
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .trunkFailure)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(10)).offeredAgents.isEmpty, "the trunk-failure hold ends, still no offer")
        #expect(harness.send(.offersSuspended(false)).offeredAgents.count == 1)
    }

    @Test func ringProgressivelyAddsNoAgentWhileSuspended() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], strategy: .ringProgressively(interval: .seconds(5))) {
            $0.ringTimeout = .seconds(60)
        }, readyAgents: ["a1", "a2"])
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offersSuspended(true))
        #expect(harness.advance(.seconds(5)).offeredAgents.isEmpty)
        harness.send(.offersSuspended(false))
        #expect(harness.advance(.seconds(5)).offeredAgents == ["a2"])
    }

    @Test func aPreferredAgentWaitIsServedOnResumption() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]) {
            $0.preferredAgent = PreferredAgentConfiguration(rememberFor: .seconds(3600), waitFor: .seconds(30))
        }, readyAgents: ["a1", "a2"])
        #expect(harness.arrive("c1", from: "+4917").offeredAgents == ["a1"])
        harness.complete("c1", by: "a1")
        harness.send(.offersSuspended(true))
        #expect(harness.arrive("c2", from: "+4917").offeredAgents.isEmpty)
        #expect(harness.send(.offersSuspended(false)).offeredAgents == ["a1"])
    }
}
