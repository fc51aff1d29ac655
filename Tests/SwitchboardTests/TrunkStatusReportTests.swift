import ControlModel
import Presence
import Testing
@testable import Switchboard

@Suite("Trunks, connections and Graph requests in /metrics")
struct TrunkStatusReportTests {
    private func report(_ trunks: [StatusReport.TrunkStatus], refused: Int = 0) -> StatusReport {
        StatusReport(version: "0", startedAt: "2026-12-05T18:00:00Z", uptimeSeconds: 1, listeners: [],
                     calls: 0, waitingCalls: 0, refusedForTransactionCapacity: refused, dialogs: 0, serverTransactions: 0, clientTransactions: 0, draining: false, presence: "reachable",
                     presenceSource: .init(reachable: true, unreachableSince: nil, reason: nil, agents: 0, outages: 0, unknownAgents: 0),
                     presenceRequests: .init(sent: 0, throttled: 0, failed: 0),
                     connections: .init(accepted: 0, opened: 0, refused: .init(unknownPeer: 0, totalLimit: 0, peerLimit: 0),
                                        closedIdle: 0, closedIncompleteMessage: 0, open: 0),
                     trunks: trunks)
    }

    @Test func eachTrunkIsAGaugeLabelledWithItsName() {
        let metrics = SwitchboardMetrics()
        StatusGauges(factory: metrics.factory).refresh(
            from: report([.init(name: "sbc", up: true, since: "2026-12-05T19:00:00Z"),
                          .init(name: #"backup "b"\2"#, up: false, since: "2026-12-05T19:01:00Z")]),
            presence: PresenceStatus())
        let text = metrics.exposition()
        #expect(text.contains("# TYPE switchboard_trunk_up gauge\n"))
        #expect(text.contains("switchboard_waiting_calls 0.0\n"))
        #expect(text.contains("# TYPE switchboard_sip_requests_refused_total counter\n"))
        #expect(text.contains("switchboard_sip_requests_refused_total 0\n"))
        #expect(text.contains("switchboard_trunk_up{trunk=\"sbc\"} 1.0\n"))
        #expect(text.contains(#"switchboard_trunk_up{trunk="backup \"b\"\\2"} 0.0"# + "\n"), "quotes and backslashes escaped")
    }

    @Test func holdStreamsAreAGaugeOnlyWhenTheMediaEdgeRuns() {
        let metrics = SwitchboardMetrics()
        let gauges = StatusGauges(factory: metrics.factory)
        gauges.refresh(from: report([]), presence: PresenceStatus())
        #expect(!metrics.exposition().contains("switchboard_hold_streams"))
        var held = report([])
        held.holdStreams = 3
        gauges.refresh(from: held, presence: PresenceStatus())
        #expect(metrics.exposition().contains("switchboard_hold_streams 3.0\n"))
    }

    @Test func runningTotalsBecomeCountersAndEachGraphRequestCountsOnce() {
        let metrics = SwitchboardMetrics()
        let gauges = StatusGauges(factory: metrics.factory)
        gauges.refresh(from: report([], refused: 2), presence: PresenceStatus(requestsSent: 4, requestsAnswered: 2, requestsThrottled: 1, requestsFailed: 1))
        gauges.refresh(from: report([], refused: 5), presence: PresenceStatus(requestsSent: 6, requestsAnswered: 4, requestsThrottled: 1, requestsFailed: 1))
        let text = metrics.exposition()
        #expect(text.contains("switchboard_sip_requests_refused_total 5\n"))
        #expect(text.contains("# TYPE switchboard_graph_requests_total counter\n"))
        #expect(text.contains(#"switchboard_graph_requests_total{result="ok"} 4"# + "\n"))
        #expect(text.contains(#"switchboard_graph_requests_total{result="throttled"} 1"# + "\n"))
        #expect(text.contains(#"switchboard_graph_requests_total{result="failed"} 1"# + "\n"))
        #expect(!text.contains(#"result="sent""#))
    }
}
