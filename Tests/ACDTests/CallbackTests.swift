@testable import ACD
import Testing

@Suite("Callback entries keep the caller's place")
struct CallbackTests {
    /// One queue "q" on +100 served by `agents`, with a callback on `*` (2 attempts, 60 s apart unless told).
    private func harness(agents: [AgentID] = ["a1"], attempts: Int = 2) throws -> Harness {
        try Harness(singleQueue(agents: agents) { queue in
            queue.callback = CallbackConfiguration(key: "*", maximumAttempts: attempts, retryInterval: .seconds(60), ringTimeout: .seconds(20))
        })
    }

    @Test("the key is the caller's queue's; the entry is accepted at its place and counted for later callers")
    func acceptedAtItsPlace() throws {
        var harness = try harness()
        harness.arrive("c1", from: "+491001")
        harness.arrive("c2", from: "+491002")
        #expect(harness.engine.callbackKey(of: "c2") == "*")
        let accepted = harness.send(.callbackRequested("c2"))
        #expect(accepted == [.callbackAccepted("c2", queue: "q", position: 2,
                                               callback: CallbackConfiguration(key: "*", maximumAttempts: 2, retryInterval: .seconds(60),
                                                                               ringTimeout: .seconds(20)))])
        #expect(harness.engine.callbackKey(of: "c2") == nil, "an entry asks once")
        let later = harness.arrive("c3", from: "+491003")
        #expect(later.contains { if case .queued("c3", _, 3, _) = $0 { true } else { false } }, "\(later)")
    }

    @Test("a queue without callback has no key, and a request there changes nothing")
    func noCallbackQueue() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]))
        harness.arrive("c1", from: "+491001")
        #expect(harness.engine.callbackKey(of: "c1") == nil)
        #expect(harness.send(.callbackRequested("c1")).isEmpty)
        harness.makeReady("a1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        #expect(harness.send(.callbackUnanswered("c1")).outcomes.isEmpty, "not an entry: nothing to retry")
    }

    @Test("an unanswered call back frees the agent at once and the entry returns at its place after the retry interval")
    func retryKeepsThePlace() throws {
        var harness = try harness()
        harness.arrive("c1", from: "+491001")
        harness.send(.callbackRequested("c1"))
        harness.arrive("c2", from: "+491002")
        harness.arrive("c3", from: "+491003")
        harness.makeReady("a1")
        #expect(harness.engine.queue("q", now: harness.now)?.statistics.answered == 0)
        harness.send(.offerAnswered("c1", agent: "a1"))
        let retry = harness.send(.callbackUnanswered("c1"))
        #expect(retry.contains(.callbackRetry("c1", queue: "q", attempt: 2, at: harness.now + .seconds(60))), "\(retry)")
        #expect(retry.offers.map(\.call) == ["c2"], "no back-off, no RONA: the agent takes the next caller at once")
        #expect(harness.engine.statistics.agents["a1"]?.failures.isEmpty == true)
        #expect(harness.engine.queue("q", now: harness.now)?.statistics.answered == 0, "an unanswered call back is no answer")
        let newcomer = harness.arrive("c5", from: "+491005")
        #expect(newcomer.contains { if case .queued("c5", _, 3, _) = $0 { true } else { false } },
                "behind c3 in the line and c1 waiting out its interval: \(newcomer)")
        #expect(harness.complete("c2", by: "a1").offers.map(\.call) == ["c3"], "the entry waits out the interval out of the line")
        harness.send(.offerAnswered("c3", agent: "a1"))
        harness.advance(.seconds(60))
        harness.arrive("c4", from: "+491004")
        let freed = harness.send(.callEnded("c3"))
        #expect(freed.offers.map(\.call) == ["c1"], "back in the line ahead of c4, who arrived after it")
    }

    @Test("an answered call back counts as the queue's answer; the last unanswered attempt fails the entry")
    func connectedAndFailed() throws {
        var harness = try harness(agents: ["a1", "a2"], attempts: 2)
        harness.arrive("c1", from: "+491001")
        harness.send(.callbackRequested("c1"))
        harness.arrive("c2", from: "+491002")
        harness.send(.callbackRequested("c2"))
        harness.makeReady("a1")
        harness.send(.offerAnswered("c1", agent: "a1"))
        harness.send(.callbackConnected("c1"))
        #expect(harness.engine.queue("q", now: harness.now)?.statistics.answered == 1)
        #expect(harness.send(.callEnded("c1")).outcomes.map(\.call) == ["c1"])
        harness.send(.offerAnswered("c2", agent: "a1"))
        harness.send(.callbackUnanswered("c2"))
        harness.advance(.seconds(60))
        harness.send(.offerAnswered("c2", agent: "a1"))
        let failed = harness.send(.callbackUnanswered("c2"))
        #expect(failed.outcomes.map(\.outcome) == [.callbackFailed(queue: "q", attempts: 2)])
        #expect(harness.send(.callbackUnanswered("c2")).contains(.ignored(.unknownCall("c2"))), "the engine forgot the entry")
    }

    @Test("a caller without a number to call back stays on hold")
    func anonymousCallersStay() throws {
        var harness = try harness()
        harness.arrive("c1", from: "anonymous")
        #expect(harness.send(.callbackRequested("c1")) == [.ignored(.unknownCall("c1"))])
        #expect(harness.engine.callbackKey(of: "c1") == "*", "still no entry")
    }

    @Test("a caller being offered cannot become an entry: the agent is about to answer")
    func notWhileOffered() throws {
        var harness = try harness()
        harness.makeReady("a1")
        harness.arrive("c1", from: "+491001")
        #expect(harness.send(.callbackRequested("c1")) == [.ignored(.unknownCall("c1"))])
    }
}
