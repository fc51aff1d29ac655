import Foundation
import ControlModel

extension StatusReport {
    /// The same figures in the Prometheus text exposition format, for `GET /metrics`.
    public var prometheusText: String {
        let gauges: [(String, String, Int)] = [
            ("switchboard_calls", "Calls held: queued, ringing or connected.", calls),
            ("switchboard_waiting_calls", "Callers not yet answered by an agent.", waitingCalls),
            ("switchboard_dialogs", "SIP dialogs routable.", dialogs),
            ("switchboard_server_transactions", "Live SIP server transactions.", serverTransactions),
            ("switchboard_client_transactions", "Live SIP client transactions.", clientTransactions),
            ("switchboard_draining", "1 while draining after SIGTERM.", draining ? 1 : 0),
            ("switchboard_presence_source_up", "1 while the presence source answers.", presence == "reachable" ? 1 : 0),
            ("switchboard_sip_connections_open", "SIP TCP and TLS connections open.", connections.open),
        ]
        var text = gauges.map { "# HELP \($0.0) \($0.1)\n# TYPE \($0.0) gauge\n\($0.0) \($0.2)\n" }.joined()
        text += "# HELP switchboard_graph_requests_total Presence requests to Microsoft Graph by result.\n"
        text += "# TYPE switchboard_graph_requests_total counter\n"
        for (result, value) in [("sent", presenceRequests.sent), ("throttled", presenceRequests.throttled), ("failed", presenceRequests.failed)] {
            text += "switchboard_graph_requests_total{result=\"\(result)\"} \(value)\n"
        }
        text += "# HELP switchboard_trunk_up 1 while the trunk answers (OPTIONS pings, B-leg INVITEs).\n"
        text += "# TYPE switchboard_trunk_up gauge\n"
        for trunk in trunks {
            text += "switchboard_trunk_up{trunk=\"\(Self.labelValue(trunk.name))\"} \(trunk.up ? 1 : 0)\n"
        }
        text += "# HELP switchboard_sip_requests_refused_total Requests refused with a stateless 503: the server transaction table was full.\n"
        text += "# TYPE switchboard_sip_requests_refused_total counter\n"
        text += "switchboard_sip_requests_refused_total \(refusedForTransactionCapacity)\n"
        return text + connectionsPrometheusText
    }

    private var connectionsPrometheusText: String {
        let families: [(String, String, String, [(String, Int)])] = [
            ("switchboard_sip_connections_accepted_total", "SIP TCP and TLS connections accepted from peers.", "", [("", connections.accepted)]),
            ("switchboard_sip_connections_opened_total", "SIP TCP and TLS connections switchboardd opened.", "", [("", connections.opened)]),
            ("switchboard_sip_connections_refused_total", "SIP TCP and TLS connections closed at accept by reason.", "reason",
             [("unknown_peer", connections.refused.unknownPeer), ("total_limit", connections.refused.totalLimit),
              ("peer_limit", connections.refused.peerLimit)]),
            ("switchboard_sip_connections_closed_total", "SIP TCP and TLS connections closed on a timer by reason.", "reason",
             [("idle", connections.closedIdle), ("incomplete_message", connections.closedIncompleteMessage)]),
        ]
        return families.map { name, help, label, samples in
            "# HELP \(name) \(help)\n# TYPE \(name) counter\n"
                + samples.map { value, count in label.isEmpty ? "\(name) \(count)\n" : "\(name){\(label)=\"\(value)\"} \(count)\n" }.joined()
        }.joined()
    }

    /// A Prometheus label value: backslash, double quote and line feed escaped.
    private static func labelValue(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
