import TeamsPresence
import Testing
@testable import ACD

@Suite("Agent state, wrap-up, RONA and presence")
struct AgentStateTests {
    @Test("wrap-up keeps the agent from offers until it ends; the agent's own wrap-up wins")
    func wrapUp() throws {
        var configuration = singleQueue(agents: ["a1", "a2"]) { $0.wrapUp = .seconds(10) }
        configuration.agents[1].wrapUp = .seconds(3)
        var harness = try Harness(configuration, readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        harness.arrive("c2")
        harness.complete("c1", by: "a1")
        harness.complete("c2", by: "a2")
        #expect(harness.engine.agent("a1")?.state == .wrapUp(until: harness.now + .seconds(10)))
        #expect(harness.arrive("c3").offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(3)).offeredAgents == ["a2"])
        harness.arrive("c4")
        #expect(harness.advance(.seconds(6)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a1"])
    }

    @Test("the queue's wrap-up ceiling caps an agent's longer wrap-up")
    func wrapUpCeiling() throws {
        var configuration = singleQueue(agents: ["a1"]) { $0.wrapUpCeiling = .seconds(5) }
        configuration.agents[0].wrapUp = .seconds(60)
        var harness = try Harness(configuration, readyAgents: ["a1"])
        harness.arrive("c1")
        harness.complete("c1", by: "a1")
        #expect(harness.engine.agent("a1")?.state == .wrapUp(until: harness.now + .seconds(5)))
    }

    @Test("ending wrap-up early makes the agent available at once")
    func wrapUpEndsEarly() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.wrapUp = .seconds(60) }, readyAgents: ["a1"])
        harness.arrive("c1")
        harness.complete("c1", by: "a1")
        harness.arrive("c2")
        harness.advance(.seconds(12))
        #expect(harness.send(.wrapUpEnded("a1")).offeredAgents == ["a1"])
        #expect(harness.engine.statistics.agents["a1"]?.totalWrapUpTime == .seconds(12))
        #expect(harness.send(.wrapUpEnded("a1")) == [.ignored(.notInWrapUp("a1"))])
    }

    @Test("each failure reason has its own back-off", arguments: [
        (OfferFailureReason.noAnswer, Duration.seconds(30)), (.busy, .seconds(60)), (.declined, .seconds(15)), (.unreachable, .seconds(120)),
    ])
    func backOffPerReason(reason: OfferFailureReason, backOff: Duration) throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("meeting")))
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offerFailed("c1", agent: "a1", reason: reason))
        harness.arrive("c2")
        #expect(harness.engine.agent("a1")?.backOffUntil == harness.now + backOff)
        #expect(harness.advance(backOff - .seconds(1)).offeredAgents.isEmpty)
        let after = harness.advance(.seconds(1)).offers
        #expect(after.map(\.agents) == [["a1"]])
        #expect(after.map(\.call) == [reason == .declined ? "c2" : "c1"])
    }

    @Test("RONA: after the miss limit the agent goes on break with reason RONA")
    func ronaBreak() throws {
        let rona = RONAConfiguration(missLimit: 2, backOff: [:])
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], rona: rona), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .onBreak("meeting")))
        harness.arrive("c1")
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer)).offeredAgents == ["a1"])
        harness.send(.offerFailed("c1", agent: "a1", reason: .busy))
        let second = harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer))
        #expect(second.contains(.agentStatusChanged("a1", .onBreak(.rona))))
        #expect(second.offeredAgents.isEmpty)
        #expect(harness.engine.agent("a1")?.status == .onBreak(.rona))
        #expect(harness.engine.statistics.agents["a1"]?.ronaBreaks == 1)
        #expect(harness.send(.agentStatusChanged("a1", .available)).offeredAgents == ["a1"])
        #expect(harness.engine.agent("a1")?.consecutiveMisses == 0)
    }

    @Test("an answer resets the RONA count")
    func answerResetsMisses() throws {
        let rona = RONAConfiguration(missLimit: 2, backOff: [:])
        var harness = try Harness(singleQueue(agents: ["a1"], rona: rona), readyAgents: ["a1"])
        harness.arrive("c1")
        harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer))
        harness.complete("c1", by: "a1")
        harness.arrive("c2")
        harness.send(.offerFailed("c2", agent: "a1", reason: .noAnswer))
        #expect(harness.engine.agent("a1")?.status == .available)
    }

    @Test("a declined call is never offered again to the agent who declined it")
    func declinedNeverRetried() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"], rona: RONAConfiguration(backOff: [:])), readyAgents: ["a1", "a2"])
        harness.send(.agentStatusChanged("a2", .loggedOut))
        harness.arrive("c1")
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .declined)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(60)).offeredAgents.isEmpty)
        #expect(harness.engine.explain(callID: "c1", now: harness.now)?.skipped.first { $0.agent == "a1" }?.reason == .declinedThisCall)
        #expect(harness.arrive("c2").offers.map(\.call) == ["c2"])
        #expect(harness.send(.agentStatusChanged("a2", .available)).offers.map(\.call) == ["c1"])
    }

    @Test("a trunk failure costs the agent nothing; the caller retries after the delay")
    func trunkFailure() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), readyAgents: ["a1"])
        harness.arrive("c1")
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .trunkFailure)).offeredAgents.isEmpty)
        #expect(harness.engine.agent("a1")?.backOffUntil == nil)
        #expect(harness.engine.agent("a1")?.consecutiveMisses == 0)
        #expect(harness.advance(.seconds(1)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a1"])
    }

    @Test("unreported past the ring timeout and its grace, the engine cancels a ringing offer and counts a no-answer")
    func engineRingTimeout() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]) { $0.ringTimeout = .seconds(15) }, readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        harness.send(.offerRinging("c1", agent: "a1"))
        #expect(harness.engine.agent("a1")?.state == .offering("c1"))
        #expect(harness.advance(.seconds(15)).cancellations.isEmpty, "the B2BUA's report is awaited for the grace")
        let timeout = harness.advance(.seconds(5))
        #expect(timeout.cancellations.map(\.reason) == [.ringTimeout])
        #expect(timeout.offeredAgents == ["a2"])
        #expect(harness.engine.statistics.agents["a1"]?.failures[.noAnswer] == 1)
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .noAnswer)) == [.ignored(.staleOffer("c1", "a1"))])
    }

    @Test("unreported past the ring timeout and its grace, an offer that never rang is unreachable, not a no-answer")
    func engineRingTimeoutWithoutRinging() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]) { $0.ringTimeout = .seconds(15) }, readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        #expect(harness.advance(.seconds(20)).cancellations.map(\.reason) == [.ringTimeout])
        #expect(harness.engine.statistics.agents["a1"]?.failures[.unreachable] == 1)
        #expect(harness.engine.agent("a1")?.consecutiveMisses == 0)
    }

    @Test("a status change while ringing cancels the offer and moves the caller on")
    func statusChangeWhileRinging() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]), readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        let logout = harness.send(.agentStatusChanged("a1", .loggedOut))
        #expect(logout.cancellations.map(\.reason) == [.agentUnavailable])
        #expect(logout.offeredAgents == ["a2"])
    }

    @Test("an agent in two queues is offered only one call at a time")
    func oneReservationAcrossQueues() throws {
        let queues = [
            QueueConfiguration(id: "q1", numbers: ["+100"], members: [QueueMember(agent: "a1")]),
            QueueConfiguration(id: "q2", numbers: ["+200"], members: [QueueMember(agent: "a1")]),
        ]
        var harness = try Harness(ACDConfiguration(queues: queues, agents: [agent("a1")]), readyAgents: ["a1"])
        #expect(harness.arrive("c1", queue: "+100").offeredAgents == ["a1"])
        #expect(harness.arrive("c2", queue: "+200").offeredAgents.isEmpty)
        #expect(harness.send(.offerFailed("c1", agent: "a1", reason: .trunkFailure)).offers.map(\.call) == ["c2"])
    }

    @Test("presence: Busy, DND and meetings block offers; Available makes the agent routable")
    func presenceBlocks() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), readyAgents: ["a1"])
        for presence in [TeamsPresence(availability: .busy, activity: .inAMeeting), .inACall,
                         TeamsPresence(availability: .available, activity: .presenting)] {
            harness.send(.presenceChanged("a1", presence, observedAt: harness.now))
            #expect(harness.engine.explain(callID: "none", now: harness.now) == nil)
            #expect(harness.arrive(CallID("c-\(presence.activity)")).offeredAgents.isEmpty)
        }
        #expect(harness.send(.presenceChanged("a1", .available, observedAt: harness.now)).offeredAgents == ["a1"])
    }

    @Test("presence older than the staleness budget counts as unknown")
    func stalePresence() throws {
        var configuration = singleQueue(agents: ["a1"])
        configuration.presenceStaleness = .seconds(60)
        var harness = try Harness(configuration, readyAgents: ["a1"])
        harness.advance(.seconds(58))
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offerFailed("c1", agent: "a1", reason: .trunkFailure))
        #expect(harness.advance(.seconds(2)).offeredAgents.isEmpty)
        let reason = harness.engine.explain(callID: "c1", now: harness.now)?.skipped.first?.reason
        #expect(reason == .presenceStale(age: .seconds(61)))
        #expect(harness.send(.presenceChanged("a1", .available, observedAt: harness.now)).offeredAgents == ["a1"])
    }

    @Test("a queue may route unknown presence, and Busy that is the echo of our own call")
    func relaxedPresencePolicy() throws {
        let policy = PresencePolicy(routableAvailabilities: [.available], blockedActivities: [], allowsBusyFromOwnCall: true, unknownIsRoutable: true)
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.presencePolicy = policy })
        harness.send(.agentStatusChanged("a1", .available))
        #expect(harness.arrive("c1").offeredAgents == ["a1"])
        harness.send(.offerAnswered("c1", agent: "a1"))
        harness.advance(.seconds(30))
        harness.send(.presenceChanged("a1", .inACall, observedAt: harness.now))
        harness.send(.callEnded("c1"))
        harness.advance(.seconds(5))
        #expect(harness.arrive("c2").offeredAgents == ["a1"])
        harness.complete("c2", by: "a1")
        harness.advance(.seconds(60))
        harness.send(.presenceChanged("a1", .inACall, observedAt: harness.now))
        #expect(harness.arrive("c3").offeredAgents.isEmpty)
    }

    @Test("reconciliation ends calls whose BYE was lost so no agent stays on call")
    func reconcile() throws {
        var harness = try Harness(singleQueue(agents: ["a1", "a2"]) { $0.wrapUp = .seconds(30) }, readyAgents: ["a1", "a2"])
        harness.arrive("c1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        harness.arrive("c2")
        harness.arrive("c3")
        let decisions = harness.send(.reconcile(liveCalls: ["c2"]))
        #expect(decisions.outcomes.map(\.call) == ["c1", "c3"])
        #expect(harness.engine.agent("a1")?.state == .idle)
        #expect(harness.engine.agent("a2")?.state == .reserved("c2"))
        #expect(decisions.cancellations.isEmpty)
        #expect(harness.arrive("c4").offeredAgents == ["a1"])
    }
}
