import ControlModel

extension Render {
    /// `switchboard calls`.
    static func calls(_ calls: [CallView]) -> String {
        var table = Table("CALL", "QUEUE", "CALLER", "STATE", "AGENT", "DURATION")
        for call in calls {
            let agent = call.agentLeg.map { $0.agentID ?? $0.target } ?? call.ringing.compactMap(\.agentID).joined(separator: ",")
            table.add(call.callID, call.queue, call.callerNumber, call.state, agent.isEmpty ? "-" : agent, Format.duration(call.durationSeconds))
        }
        return table.render(emptyText: "no calls")
    }

    /// `switchboard call show CALL`.
    static func call(_ call: CallView) -> String {
        var lines: [(String, String)] = [
            ("call", call.callID),
            ("queue", call.queue),
            ("caller", "\(call.callerNumber) from \(call.callerLeg.from)"),
            ("state", call.state),
            ("arrived", call.arrivedAt),
            ("answered", call.answeredAt ?? "-"),
            ("duration", Format.duration(call.durationSeconds)),
        ]
        if let leg = call.agentLeg { lines.append(("agent leg", "\(leg.agentID ?? "transfer") \(leg.target) Call-ID \(leg.sipCallID)")) }
        for leg in call.ringing { lines.append(("ringing", "\(leg.agentID ?? "transfer") \(leg.target) Call-ID \(leg.sipCallID)")) }
        return keyValues(lines)
    }

    /// `switchboard explain CALL`.
    static func explanation(_ explanation: ExplanationView) -> String {
        let candidates = explanation.candidates.isEmpty ? "none" : explanation.candidates.joined(separator: ", ")
        var table = Table("AGENT", "WHY NOT")
        for skipped in explanation.skipped { table.add(skipped.agent, skipped.reason.text) }
        return keyValues([("call", explanation.callID), ("queue", explanation.queue), ("candidates", candidates)]) + "\n"
            + table.render(emptyText: "every member is a candidate")
    }
}
