import ControlModel
import Metrics
import Presence

/// The daemon's status figures as series, refreshed on each scrape from the status report: calls in
/// progress, dialogs, transactions, draining, overload, refused calls, trunks, SIP connections, SIP
/// responses and timeouts, Graph requests, and answered hold's streams when the media edge runs. Running
/// totals kept by the layers become counters that grow by what the total grew since the last scrape.
final class StatusGauges {
    private let factory: any MetricsFactory
    private let gauges: [String: Gauge]
    private var trunks: [String: Gauge] = [:]
    /// Answered hold's streams open, once the status reports them (the media edge runs).
    private var holdStreams: Gauge?
    private var counters: [String: MirroredCounter] = [:]

    /// The unlabelled gauges, by name.
    private static let names = [
        "switchboard_calls_in_progress", "switchboard_waiting_calls", "switchboard_dialogs", "switchboard_server_transactions",
        "switchboard_client_transactions", "switchboard_draining", "switchboard_presence_source_up", "switchboard_sip_connections_open",
        "switchboard_overloaded",
    ]

    /// The gauges at zero; the counters appear on the first refresh.
    init(factory: any MetricsFactory) {
        self.factory = factory
        gauges = Dictionary(uniqueKeysWithValues: Self.names.map { ($0, Gauge(label: $0, factory: factory)) })
    }

    /// Sets every series from `report`; `presence` gives the Graph requests answered.
    func refresh(from report: StatusReport, presence: PresenceStatus) {
        let values = [
            report.calls, report.waitingCalls, report.dialogs, report.serverTransactions, report.clientTransactions,
            report.draining ? 1 : 0, presence.health == .reachable ? 1 : 0, report.connections.open, report.overloaded ? 1 : 0,
        ]
        for (name, value) in zip(Self.names, values) { gauges[name]?.record(value) }
        if let streams = report.holdStreams {
            holdStreams = holdStreams ?? Gauge(label: "switchboard_hold_streams", factory: factory)
            holdStreams?.record(streams)
        }
        for trunk in report.trunks {
            let gauge = trunks[trunk.name] ?? Gauge(label: "switchboard_trunk_up", dimensions: [("trunk", trunk.name)], factory: factory)
            trunks[trunk.name] = gauge
            gauge.record(trunk.up ? 1 : 0)
        }
        let connections = report.connections
        let totals: [(String, String, String, Int)] = [
            ("switchboard_sip_requests_refused_total", "", "", report.refusedForTransactionCapacity),
            ("switchboard_calls_refused_total", "reason", "capacity", report.refusedNewCalls.capacity),
            ("switchboard_calls_refused_total", "reason", "overload", report.refusedNewCalls.overload),
            ("switchboard_sip_connections_accepted_total", "", "", connections.accepted),
            ("switchboard_sip_connections_opened_total", "", "", connections.opened),
            ("switchboard_sip_connections_refused_total", "reason", "unknown_peer", connections.refused.unknownPeer),
            ("switchboard_sip_connections_refused_total", "reason", "total_limit", connections.refused.totalLimit),
            ("switchboard_sip_connections_refused_total", "reason", "peer_limit", connections.refused.peerLimit),
            ("switchboard_sip_connections_closed_total", "reason", "idle", connections.closedIdle),
            ("switchboard_sip_connections_closed_total", "reason", "incomplete_message", connections.closedIncompleteMessage),
            ("switchboard_graph_requests_total", "result", "ok", presence.requestsAnswered),
            ("switchboard_graph_requests_total", "result", "throttled", presence.requestsThrottled),
            ("switchboard_graph_requests_total", "result", "failed", presence.requestsFailed),
        ]
        for (name, label, value, total) in totals { mirror(name, label: label, value: value, total: total) }
    }

    /// Sets the SIP counters from the transaction layer's running totals: responses sent by status
    /// code and transactions timed out.
    func refresh(responsesSent: [Int: Int], transactionTimeouts: Int) {
        for (code, total) in responsesSent { mirror("switchboard_sip_responses_sent_total", label: "code", value: String(code), total: total) }
        mirror("switchboard_sip_transaction_timeouts_total", label: "", value: "", total: transactionTimeouts)
    }

    /// Grows the counter `name` (labelled `label="value"` unless `label` is empty) to `total`.
    private func mirror(_ name: String, label: String, value: String, total: Int) {
        let key = "\(name){\(value)}"
        var counter = counters[key] ?? MirroredCounter(name, dimensions: label.isEmpty ? [] : [(label, value)], factory: factory)
        counter.update(to: total)
        counters[key] = counter
    }
}
