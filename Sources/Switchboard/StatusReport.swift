/// The daemon's live counters, as `GET /v1/status` reports them.
public struct StatusReport: Codable, Equatable, Sendable {
    /// Calls held (queued, ringing or connected).
    public var calls: Int
    /// Dialogs still routable (connected legs and lingering ended ones).
    public var dialogs: Int
    /// Live server transactions.
    public var serverTransactions: Int
    /// Live client transactions.
    public var clientTransactions: Int
    /// Whether the daemon is draining after SIGTERM.
    public var draining: Bool
    /// The presence source: `reachable`, or `unreachable: <reason>`.
    public var presence: String
    /// Presence requests sent to Graph, throttled (429) and failed, since start.
    public var presenceRequests: PresenceRequestCounts

    /// Graph request counters.
    public struct PresenceRequestCounts: Codable, Equatable, Sendable {
        /// Requests sent.
        public var sent: Int
        /// Requests Graph throttled (429).
        public var throttled: Int
        /// Requests that failed.
        public var failed: Int
    }

    /// The same figures in the Prometheus text exposition format, for `GET /metrics`.
    public var prometheusText: String {
        let gauges: [(String, String, Int)] = [
            ("switchboard_calls", "Calls held: queued, ringing or connected.", calls),
            ("switchboard_dialogs", "SIP dialogs routable.", dialogs),
            ("switchboard_server_transactions", "Live SIP server transactions.", serverTransactions),
            ("switchboard_client_transactions", "Live SIP client transactions.", clientTransactions),
            ("switchboard_draining", "1 while draining after SIGTERM.", draining ? 1 : 0),
            ("switchboard_presence_source_up", "1 while the presence source answers.", presence == "reachable" ? 1 : 0),
        ]
        var text = gauges.map { "# HELP \($0.0) \($0.1)\n# TYPE \($0.0) gauge\n\($0.0) \($0.2)\n" }.joined()
        text += "# HELP switchboard_graph_requests_total Presence requests to Microsoft Graph by result.\n"
        text += "# TYPE switchboard_graph_requests_total counter\n"
        for (result, value) in [("sent", presenceRequests.sent), ("throttled", presenceRequests.throttled), ("failed", presenceRequests.failed)] {
            text += "switchboard_graph_requests_total{result=\"\(result)\"} \(value)\n"
        }
        return text
    }
}
