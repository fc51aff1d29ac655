import SwitchboardTestKit
import AsyncHTTPClient
import LocalGraphServer
import Presence
import Prometheus
import Testing

@Suite("Graph requests: each counted once by result, each timed", .timeLimit(.minutes(1)))
struct GraphRequestMetricsTests {
    @Test("A throttled request then an answered one: one of each, two latencies")
    func throttledThenAnswered() async throws {
        try await LocalGraphFixture.with(userCount: 10) { graph in
            graph.server.injectFaults(status: 429, retryAfterSeconds: 7)
            let registry = PrometheusCollectorRegistry()
            let clock = MockClock()
            let start = clock.start
            let source = try GraphPresenceSource(
                configuration: graph.configuration(pollInterval: .seconds(5)),
                agentIDs: LocalGraphFixture.userIDs(10), httpClient: .shared, clock: clock,
                metricsFactory: PrometheusMetricsFactory(registry: registry))
            var sleeps = clock.sleeps.makeAsyncIterator()
            var updates = source.updates.makeAsyncIterator()
            try await GraphPresenceSourceTests.polling(source) {
                #expect(await sleeps.next() == start + .seconds(5))
                clock.advance(to: start + .seconds(5))
                #expect(await sleeps.next() == start + .seconds(7))
                clock.advance(to: start + .seconds(7))
                #expect(GraphPresenceSourceTests.observedCount(await updates.next()) == 10)
            }
            let status = source.status()
            #expect(status.requestsSent == 2)
            #expect(status.requestsAnswered == 1 && status.requestsThrottled == 1 && status.requestsFailed == 0)
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            let text = String(decoding: buffer, as: UTF8.self)
            #expect(text.contains("# TYPE switchboard_graph_request_duration_seconds histogram\n"))
            #expect(text.contains("switchboard_graph_request_duration_seconds_count 2\n"))
        }
    }
}
