@testable import ACD
import Testing

@Suite("Callback entries restored after a restart keep their place")
struct CallbackRestoreTests {
    /// One queue "q" on +100 served by a1 (who speaks German), with a callback on `*` (3 attempts, 60 s apart).
    private func harness(start: ACDInstant = Harness.start, tweak: (inout QueueConfiguration) -> Void = { _ in }) throws -> Harness {
        var configuration = singleQueue(agents: ["a1"]) { queue in
            queue.callback = CallbackConfiguration(key: "*", maximumAttempts: 3, retryInterval: .seconds(60), ringTimeout: .seconds(20))
            tweak(&queue)
        }
        configuration.agents = [agent("a1", skills: ["german": 2])]
        return try Harness(configuration, start: start)
    }

    @Test("an entry reads back as held, and the restarted engine takes it back as it was")
    func roundTrip() throws {
        var before = try harness()
        before.arrive("c1", from: "+491001", priority: 2, skills: ["german": 1])
        #expect(before.engine.callbackEntry(of: "c1") == nil, "a waiting caller is no entry")
        before.send(.callbackRequested("c1"))
        before.makeReady("a1")
        before.send(.offerAnswered("c1", agent: "a1"))
        #expect(before.engine.callbackEntry(of: "c1") == nil, "an entry whose call back is placed is not waiting")
        before.send(.callbackUnanswered("c1"))
        let stored = try #require(before.engine.callbackEntry(of: "c1"))
        #expect(stored == CallbackEntry(callID: "c1", queue: "q", callerNumber: "+491001", priority: 2, requiredSkills: ["german": 1],
                                        placeTakenAt: Harness.start, enteredQueueAt: Harness.start, attempts: 1,
                                        nextAttemptAt: before.now + .seconds(60)))

        var after = try harness(start: before.now + .seconds(5))
        after.send(.callbackRestored(stored))
        #expect(after.engine.callbackEntry(of: "c1") == stored)
        #expect(after.engine.audit().isEmpty)
        after.makeReady("a1")
        #expect(after.advance(.seconds(54)).offers.isEmpty, "still waiting out its retry interval")
        #expect(after.advance(.seconds(1)).offers.map(\.call) == ["c1"], "back in the line when the interval ends")
        after.send(.offerAnswered("c1", agent: "a1"))
        after.send(.callbackUnanswered("c1"))
        after.advance(.seconds(60))
        after.send(.offerAnswered("c1", agent: "a1"))
        #expect(after.send(.callbackUnanswered("c1")).outcomes.map(\.outcome) == [.callbackFailed(queue: "q", attempts: 3)],
                "the attempts made before the restart count")
    }

    @Test("restored entries go first, in the order of their places, and later callers' positions count them")
    func atTheirPlace() throws {
        var harness = try harness(start: Harness.start + .seconds(600))
        let early = CallbackEntry(callID: "old1", queue: "q", callerNumber: "+491001", placeTakenAt: Harness.start,
                                  enteredQueueAt: Harness.start)
        let held = CallbackEntry(callID: "old2", queue: "q", callerNumber: "+491002", placeTakenAt: Harness.start + .seconds(10),
                                 enteredQueueAt: Harness.start + .seconds(10), attempts: 1, nextAttemptAt: harness.now + .seconds(30))
        let late = CallbackEntry(callID: "old3", queue: "q", callerNumber: "+491003", placeTakenAt: Harness.start + .seconds(20),
                                 enteredQueueAt: Harness.start + .seconds(20))
        for entry in [late, early, held] { #expect(harness.send(.callbackRestored(entry)).isEmpty, "no decision without an agent") }
        #expect(harness.engine.audit().isEmpty)
        let newcomer = harness.arrive("new", from: "+491009")
        #expect(newcomer.contains { if case .queued("new", _, 4, _) = $0 { true } else { false } },
                "behind two entries in the line and one waiting out its interval: \(newcomer)")
        harness.send(.presenceChanged("a1", .available, observedAt: harness.now))
        var next = harness.send(.agentStatusChanged("a1", .available)).offers.map(\.call)
        var order: [CallID] = []
        while let call = next.first {
            order.append(call)
            harness.send(.offerAnswered(call, agent: "a1"))
            if call != "new" { harness.send(.callbackConnected(call)) }
            harness.advance(.seconds(20))
            next = harness.send(.callEnded(call)).offers.map(\.call)
        }
        #expect(order == ["old1", "old3", "old2", "new"], "old2 waits out its interval out of the line, then goes before the newcomer")
    }

    @Test("an entry whose maxWait passed while the daemon was down leaves by that rule; one of a removed queue is ignored")
    func expiredAndUnknown() throws {
        var harness = try harness(start: Harness.start + .seconds(600)) { $0.maxWait = .seconds(300) }
        let expired = CallbackEntry(callID: "old", queue: "q", callerNumber: "+491001", placeTakenAt: Harness.start,
                                    enteredQueueAt: Harness.start)
        let released = harness.send(.callbackRestored(expired))
        #expect(released.overflows.map(\.reason) == [.timeout])
        #expect(released.outcomes.map(\.outcome) == [.overflowed(queue: "q", reason: .timeout, target: .hangUp(announcement: nil))])
        let gone = CallbackEntry(callID: "gone", queue: "sales", callerNumber: "+491002", placeTakenAt: Harness.start,
                                 enteredQueueAt: Harness.start)
        #expect(harness.send(.callbackRestored(gone)) == [.ignored(.unknownQueue(.id("sales")))])
        #expect(harness.engine.heldCallIDs.isEmpty)
        #expect(harness.engine.audit().isEmpty)
    }

    @Test("a restored entry's maxWait still counts from its original entry into the queue")
    func maxWaitFromOriginalEntry() throws {
        var harness = try harness(start: Harness.start + .seconds(200)) { $0.maxWait = .seconds(300) }
        harness.send(.callbackRestored(CallbackEntry(callID: "old", queue: "q", callerNumber: "+491001", placeTakenAt: Harness.start,
                                                     enteredQueueAt: Harness.start)))
        #expect(harness.advance(.seconds(99)).overflows.isEmpty)
        #expect(harness.advance(.seconds(1)).overflows.map(\.reason) == [.timeout])
    }
}
