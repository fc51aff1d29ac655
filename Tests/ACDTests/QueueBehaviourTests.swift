import Testing
@testable import ACD

@Suite("Queue behaviour and overflow")
struct QueueBehaviourTests {
    @Test("callers of equal priority are offered first-in first-out; higher priority jumps ahead")
    func priorityThenFIFO() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]))
        harness.arrive("c1")
        harness.advance(.seconds(1))
        harness.arrive("c2")
        harness.arrive("vip", priority: 5)
        harness.arrive("c3")
        harness.send(.presenceChanged("a1", .available, observedAt: harness.now))
        var order = harness.send(.agentStatusChanged("a1", .available)).offers.map(\.call)
        for _ in 0..<4 {
            guard let call = order.last else { break }
            order += harness.complete(call, by: "a1").offers.map(\.call)
        }
        #expect(order == ["vip", "c1", "c2", "c3"])
    }

    @Test("queued reports the position and the EWT")
    func queuedPosition() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.initialHandleTime = .seconds(120) }, readyAgents: ["a1"])
        harness.arrive("c1")
        #expect(harness.arrive("c2").contains(.queued("c2", queue: "q", position: 1, ewt: .seconds(60))))
        #expect(harness.arrive("c3").contains(.queued("c3", queue: "q", position: 2, ewt: .seconds(180))))
        #expect(harness.arrive("vip", priority: 1).contains(.queued("vip", queue: "q", position: 1, ewt: .seconds(60))))
    }

    @Test("a full queue overflows new callers with reason full")
    func full() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { queue in
            queue.maxCallers = 2
            queue.overflowTargets = [.full: .number("+4930999")]
        })
        harness.arrive("c1")
        harness.arrive("c2")
        let third = harness.arrive("c3")
        #expect(third.overflows.map(\.reason) == [.full])
        #expect(third.outcomes.map(\.outcome) == [.overflowed(queue: "q", reason: .full, target: .number("+4930999"))])
        #expect(harness.engine.statistics.queues["q"]?.overflowed[.full] == 1)
    }

    @Test("max wait overflows with reason timeout, cancelling a ringing offer")
    func maxWait() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { queue in
            queue.maxWait = .seconds(120)
            queue.ringTimeout = .seconds(300)
        }, readyAgents: ["a1"])
        harness.arrive("c1")
        let expiry = harness.advance(.seconds(120))
        #expect(expiry.cancellations.map(\.reason) == [.overflow])
        #expect(expiry.overflows.map(\.reason) == [.timeout])
        #expect(expiry.outcomes.map(\.outcome) == [.overflowed(queue: "q", reason: .timeout, target: .hangUp(announcement: nil))])
        #expect(harness.engine.agent("a1")?.state == .idle)
    }

    @Test("join policy: no agent available means overflow with reason no-agents on arrival")
    func joinPolicy() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.joinPolicy = .whenAgentAvailable })
        #expect(harness.arrive("c1").overflows.map(\.reason) == [.noAgents])
        harness.send(.agentStatusChanged("a1", .available))
        #expect(harness.arrive("c2").overflows.isEmpty)
    }

    @Test("stay policy: callers overflow after the max wait with no agent logged in")
    func stayPolicy() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { queue in
            queue.stayPolicy = .whenAgentLoggedIn
            queue.maxWaitWithNoAgent = .seconds(30)
        })
        harness.send(.agentStatusChanged("a1", .onBreak("lunch")))
        harness.arrive("c1")
        harness.arrive("c2")
        harness.advance(.seconds(10))
        harness.send(.agentStatusChanged("a1", .loggedOut))
        #expect(harness.advance(.seconds(29)).overflows.isEmpty)
        #expect(harness.advance(.seconds(1)).overflows.map(\.call) == ["c1", "c2"])
        #expect(harness.arrive("c3").overflows.map(\.reason) == [.noAgents])
    }

    @Test("an EWT above the threshold overflows with reason ewt")
    func ewtThreshold() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { queue in
            queue.initialHandleTime = .seconds(60)
            queue.ewtThreshold = .seconds(100)
        }, readyAgents: ["a1"])
        harness.arrive("c1")
        harness.arrive("c2")
        harness.arrive("c3")
        #expect(harness.arrive("c4").overflows.map(\.reason) == [.ewt])
    }

    @Test("the exit key overflows with reason exit-key")
    func exitKey() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.overflowTargets = [.exitKey: .hangUp(announcement: "goodbye")] })
        harness.arrive("c1")
        #expect(harness.send(.callerPressedExitKey("c1")).overflows.map(\.target) == [.hangUp(announcement: "goodbye")])
    }

    @Test("a supervisor withdraws a caller to a named target or the queue's withdrawn target")
    func withdraw() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.overflowTargets = [.withdrawn: .number("+1")] })
        harness.arrive("c1")
        harness.arrive("c2")
        #expect(harness.send(.withdraw("c1", target: .number("+2"))).overflows.map(\.target) == [.number("+2")])
        #expect(harness.send(.withdraw("c2", target: nil)).overflows.map(\.target) == [.number("+1")])
        #expect(harness.send(.withdraw("c2", target: nil)) == [.ignored(.unknownCall("c2"))])
    }

    @Test("a supervisor reprioritizes a caller to the front")
    func reprioritize() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]))
        harness.arrive("c1")
        harness.arrive("c2")
        harness.send(.reprioritize("c2", priority: 3))
        let positions = harness.engine.waitingCallers(in: "q", now: harness.now).map { ($0.callID, $0.position) }
        #expect(positions.map(\.0) == ["c2", "c1"])
        harness.send(.presenceChanged("a1", .available, observedAt: harness.now))
        #expect(harness.send(.agentStatusChanged("a1", .available)).offers.map(\.call) == ["c2"])
    }

    @Test("overflow to another queue keeps the caller's place when configured", arguments: [true, false])
    func overflowKeepsPosition(keep: Bool) throws {
        let queues = [
            QueueConfiguration(id: "q1", numbers: ["+100"], members: [QueueMember(agent: "a1")], maxWait: .seconds(60),
                               overflowTargets: [.timeout: .queue("q2", keepPosition: keep)]),
            QueueConfiguration(id: "q2", numbers: ["+200"], members: [QueueMember(agent: "a2")]),
        ]
        var harness = try Harness(ACDConfiguration(queues: queues, agents: [agent("a1"), agent("a2")]))
        harness.arrive("old", queue: "+100")
        harness.advance(.seconds(30))
        harness.arrive("new", queue: "+200")
        let moved = harness.advance(.seconds(30))
        #expect(moved.overflows.map(\.target) == [.queue("q2", keepPosition: keep)])
        #expect(moved.outcomes.isEmpty)
        let order = harness.engine.waitingCallers(in: "q2", now: harness.now).map(\.callID)
        #expect(order == (keep ? ["old", "new"] : ["new", "old"]))
        #expect(harness.engine.statistics.queues["q2"]?.entered == 2)
    }

    @Test("overflow loops between queues stop at the hop limit with a hang-up")
    func overflowHopLimit() throws {
        let queues = [
            QueueConfiguration(id: "q1", numbers: ["+100"], members: [QueueMember(agent: "a1")], maxCallers: 0,
                               overflowTargets: [.full: .queue("q2", keepPosition: true)]),
            QueueConfiguration(id: "q2", numbers: ["+200"], members: [QueueMember(agent: "a1")], maxCallers: 0,
                               overflowTargets: [.full: .queue("q1", keepPosition: true)]),
        ]
        var configuration = ACDConfiguration(queues: queues, agents: [agent("a1")])
        configuration.maxOverflowHops = 3
        var harness = try Harness(configuration)
        let decisions = harness.arrive("c1", queue: "+100")
        #expect(decisions.overflows.count == 4)
        #expect(decisions.overflows.last?.target == .hangUp(announcement: nil))
        #expect(decisions.outcomes.count == 1)
    }

    @Test("a caller who hangs up and calls back within the window keeps their place")
    func rejoin() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]) { $0.rejoinWindow = .seconds(60) })
        harness.arrive("first", from: "+4911")
        harness.advance(.seconds(10))
        harness.arrive("second", from: "+4922")
        harness.send(.callerAbandoned("first"))
        harness.advance(.seconds(59))
        harness.arrive("again", from: "+4911")
        harness.arrive("late", from: "+4933")
        let order = harness.engine.waitingCallers(in: "q", now: harness.now).map(\.callID)
        #expect(order == ["again", "second", "late"])
        harness.send(.callerAbandoned("late"))
        harness.advance(.seconds(61))
        harness.arrive("too-late", from: "+4933")
        #expect(harness.engine.waitingCallers(in: "q", now: harness.now).map(\.callID) == ["again", "second", "too-late"])
    }

    @Test("a returning caller is offered first to the agent who last spoke to them")
    func preferredAgent() throws {
        let configuration = singleQueue(agents: ["a1", "a2"]) { queue in
            queue.preferredAgent = PreferredAgentConfiguration(rememberFor: .seconds(3600), waitFor: .seconds(20))
        }
        var harness = try Harness(configuration, readyAgents: ["a1", "a2"])
        harness.arrive("c1", from: "+4911")
        harness.complete("c1", by: "a1")
        #expect(harness.arrive("c2", from: "+4911").offeredAgents == ["a1"])
        harness.complete("c2", by: "a1")
        harness.send(.agentStatusChanged("a1", .onBreak("coffee")))
        #expect(harness.arrive("c3", from: "+4911").offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(19)).offeredAgents.isEmpty)
        #expect(harness.advance(.seconds(1)).offeredAgents == ["a2"])
        harness.complete("c3", by: "a2")
        harness.send(.agentStatusChanged("a2", .onBreak("coffee")))
        harness.send(.agentStatusChanged("a1", .available))
        #expect(harness.arrive("c4", from: "+4911").offeredAgents.isEmpty)
        harness.advance(.seconds(10))
        #expect(harness.send(.agentStatusChanged("a2", .available)).offeredAgents == ["a2"])
    }

    @Test("events about unknown calls, agents and queues are reported as ignored")
    func ignoredEvents() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]))
        #expect(harness.send(.callEnded("nope")) == [.ignored(.unknownCall("nope"))])
        #expect(harness.send(.wrapUpEnded("ghost")) == [.ignored(.unknownAgent("ghost"))])
        #expect(harness.arrive("c1", queue: "+999") == [.ignored(.unknownQueue(.number("+999")))])
        harness.arrive("c1")
        #expect(harness.arrive("c1") == [.ignored(.duplicateCall("c1"))])
        #expect(harness.send(.emergencyChanged(queue: "zz", active: true)) == [.ignored(.unknownQueue(.id("zz")))])
    }
}
