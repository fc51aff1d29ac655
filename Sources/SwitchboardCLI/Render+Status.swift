import Foundation
import ControlModel

/// The tables and lines the CLI prints for people.
enum Render {
    /// `switchboard status`.
    static func status(_ status: StatusReport) -> String {
        let listeners = status.listeners.map { "\($0.transport) \($0.address):\($0.port)" }.joined(separator: ", ")
        let trunks = status.trunks.map { "\($0.name) \($0.up ? "up" : "DOWN") since \($0.since)" }.joined(separator: ", ")
        let presence = status.presenceSource.reachable
            ? "reachable"
            : "UNREACHABLE since \(status.presenceSource.unreachableSince ?? "?"): \(status.presenceSource.reason ?? "")"
        let lines: [(String, String)] = [
            ("version", status.version),
            ("up", "\(Format.duration(status.uptimeSeconds)) (since \(status.startedAt))"),
            ("listeners", listeners),
            ("calls", "\(status.calls), \(status.waitingCalls) waiting"),
            ("dialogs", "\(status.dialogs)"),
            ("transactions", "\(status.serverTransactions) server, \(status.clientTransactions) client"),
            ("draining", Format.yesNo(status.draining)),
            ("overloaded", Format.yesNo(status.overloaded)),
            ("refused calls", "\(status.refusedNewCalls.capacity) at the call limit, \(status.refusedNewCalls.overload) overloaded"),
            ("trunks", trunks.isEmpty ? "-" : trunks),
            ("presence", "\(presence); \(status.presenceSource.agents) agents, \(status.presenceSource.outages) outages"),
            ("graph requests", "\(status.presenceRequests.sent) sent, \(status.presenceRequests.throttled) throttled, \(status.presenceRequests.failed) failed"),
            ("connections", "\(status.connections.open) open, \(status.connections.accepted) accepted, \(status.connections.opened) opened"),
        ]
        return keyValues(lines)
    }

    /// Aligned `key  value` lines.
    static func keyValues(_ lines: [(String, String)]) -> String {
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n"
    }

    /// An action's result.
    static func result(_ result: ActionResult) -> String {
        (result.callID.map { "\($0): " } ?? "") + result.message + "\n"
    }
}
