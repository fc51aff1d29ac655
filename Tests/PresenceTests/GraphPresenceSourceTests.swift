import SwitchboardTestKit
import TeamsPresence
import AsyncHTTPClient
import LocalGraphServer
import Presence
import Testing

@Suite("Graph poller on a mock clock against the local Graph", .timeLimit(.minutes(1)))
struct GraphPresenceSourceTests {
    /// Runs a poller for the duration of `body`, then cancels it and waits for it to return.
    static func polling<T>(
        _ source: GraphPresenceSource<MockClock>,
        _ body: () async throws -> T
    ) async throws -> T {
        let task = Task { try await source.run() }
        do {
            let result = try await body()
            task.cancel()
            try await task.value
            return result
        } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
    }

    static func observedCount(_ update: PresenceUpdate?) -> Int? {
        guard case .observed(let snapshots) = update else { return nil }
        return snapshots.count
    }

    @Test("651 agents take 2 requests per cycle, the second half-way through the interval")
    func batchesSpreadOverInterval() async throws {
        try await LocalGraphFixture.with(userCount: 651) { graph in
            let clock = MockClock()
            let start = clock.start
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)),
                agentIDs: LocalGraphFixture.userIDs(651), httpClient: .shared, clock: clock)
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                for cycle in 0..<2 {
                    let cycleStart = start + .seconds(5 * cycle)
                    #expect(await sleeps.next() == cycleStart + .milliseconds(2500))
                    #expect(Self.observedCount(await updates.next()) == 650)
                    #expect(graph.server.counters().presenceRequests == 2 * cycle + 1)
                    clock.advance(to: cycleStart + .milliseconds(2500))
                    #expect(Self.observedCount(await updates.next()) == 1)
                    #expect(await sleeps.next() == cycleStart + .seconds(5))
                    #expect(graph.server.counters().presenceRequests == 2 * cycle + 2)
                    clock.advance(to: cycleStart + .seconds(5))
                }
            }
            #expect(source.status().requestsSent >= 4)
            #expect(graph.server.counters().idsRequested >= 2 * 651)
        }
    }

    @Test("No request goes out inside a Retry-After window")
    func retryAfterHonoured() async throws {
        try await LocalGraphFixture.with(userCount: 10) { graph in
            graph.server.injectFaults(status: 429, retryAfterSeconds: 7)
            let clock = MockClock()
            let start = clock.start
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)),
                agentIDs: LocalGraphFixture.userIDs(10), httpClient: .shared, clock: clock)
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                #expect(await sleeps.next() == start + .seconds(5))
                #expect(graph.server.counters().presenceRequests == 1)
                #expect(source.status().requestsThrottled == 1)
                clock.advance(to: start + .seconds(5))
                #expect(await sleeps.next() == start + .seconds(7))
                #expect(graph.server.counters().presenceRequests == 1)
                clock.advance(to: start + .seconds(7))
                #expect(Self.observedCount(await updates.next()) == 10)
                #expect(graph.server.counters().presenceRequests == 2)
            }
            #expect(source.status().health == .reachable)
            #expect(source.status().outages == 0)
        }
    }

    @Test("Without Retry-After: exponential back-off, one outage logged once, recovery logged once")
    func backoffAndOutageLoggedOnce() async throws {
        try await LocalGraphFixture.with(userCount: 10) { graph in
            graph.server.injectFaults(status: 503, count: 4)
            let logs = CapturedLogs()
            let clock = MockClock()
            let start = clock.start
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(1), failuresBeforeUnreachable: 3),
                agentIDs: LocalGraphFixture.userIDs(10), httpClient: .shared, clock: clock, logger: logs.logger())
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                // (deadline the poller waits for, requests Graph has seen by then)
                let expected: [(Duration, Int)] = [(.seconds(1), 1), (.seconds(2), 2), (.seconds(3), 2), (.seconds(7), 3), (.seconds(15), 4)]
                for (offset, requests) in expected {
                    #expect(await sleeps.next() == start + offset)
                    #expect(graph.server.counters().presenceRequests == requests)
                    clock.advance(to: start + offset)
                }
                let reason = GraphPresenceError.serviceUnavailable(status: 503, retryAfter: nil).description
                #expect(await updates.next() == .health(.unreachable(since: start, reason: reason)))
                #expect(await updates.next() == .health(.reachable))
                #expect(Self.observedCount(await updates.next()) == 10)
            }
            #expect(logs.messages(at: .warning).filter { $0.contains("unreachable") }.count == 1)
            #expect(logs.messages(at: .notice).filter { $0.contains("reachable again") }.count == 1)
            #expect(source.status().outages == 1)
            #expect(source.status().requestsFailed == 4)
        }
    }

    @Test("A presence change set on the local Graph reaches the directory at the next poll")
    func changeReachesDirectory() async throws {
        try await LocalGraphFixture.with(userCount: 3) { graph in
            let clock = MockClock()
            let start = clock.start
            let ids = LocalGraphFixture.userIDs(3)
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)), agentIDs: ids, httpClient: .shared, clock: clock)
            let directory = PresenceDirectory(freshness: source.freshness)
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                let first = try #require(await updates.next())
                #expect(directory.apply(first) == ids)
                #expect(directory.presence(of: ids[1], now: clock.now) == .available)
                #expect(await sleeps.next() == start + .seconds(5))
                graph.server.setPresence(userID: ids[1], availability: "DoNotDisturb", activity: "Presenting")
                clock.advance(to: start + .seconds(5))
                let second = try #require(await updates.next())
                #expect(directory.apply(second) == [ids[1]])
                #expect(directory.presence(of: ids[1], now: clock.now) == TeamsPresence(availability: .doNotDisturb, activity: .presenting))
                #expect(directory.presence(of: ids[0], now: clock.now) == .available)
            }
        }
    }

    @Test("Ids Graph does not know are counted and warned about once")
    func unknownAgents() async throws {
        try await LocalGraphFixture.with(userCount: 2) { graph in
            let logs = CapturedLogs()
            let clock = MockClock()
            let ids = LocalGraphFixture.userIDs(2) + ["00000000-dead-beef-0000-000000000000"]
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)), agentIDs: ids, httpClient: .shared,
                clock: clock, logger: logs.logger())
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                for cycle in 1...2 {
                    #expect(Self.observedCount(await updates.next()) == 2)
                    #expect(await sleeps.next() == clock.start + .seconds(5 * cycle))
                    clock.advance(to: clock.start + .seconds(5 * cycle))
                }
            }
            #expect(source.status().unknownAgents == 1)
            #expect(logs.messages(at: .warning).filter { $0.contains("does not know") }.count == 1)
        }
    }

    @Test("setAgents takes effect at the next cycle")
    func setAgents() async throws {
        try await LocalGraphFixture.with(userCount: 5) { graph in
            let clock = MockClock()
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)), agentIDs: LocalGraphFixture.userIDs(5),
                httpClient: .shared, clock: clock)
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await Self.polling(source) {
                #expect(Self.observedCount(await updates.next()) == 5)
                #expect(await sleeps.next() == clock.start + .seconds(5))
                source.setAgents(Array(LocalGraphFixture.userIDs(5).prefix(2)).map { $0.uppercased() })
                clock.advance(to: clock.start + .seconds(5))
                #expect(Self.observedCount(await updates.next()) == 2)
            }
            #expect(source.status().agents == 2)
            #expect(graph.server.counters().idsRequested == 7)
        }
    }
}
