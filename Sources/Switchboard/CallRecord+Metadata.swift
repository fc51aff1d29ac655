import B2BUA
import Logging

extension CallRecord {
    /// The record as log metadata, as the daemon writes it when a call ends: values for people
    /// (`call.outcome=abandoned acd.agent=bob call.ended_by=caller`), never Swift's debug text.
    public var metadata: Logger.Metadata {
        var metadata: Logger.Metadata = [
            "sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.caller": "\(callerNumber)", "acd.agent": "\(agentID ?? "-")",
            "call.outcome": "\(outcome.name)",
            "call.wait_seconds": "\(waitTime.components.seconds)", "call.talk_seconds": "\(talkTime.components.seconds)",
        ]
        for (key, value) in outcome.details { metadata[key] = "\(value)" }
        return metadata
    }
}

extension CallOutcome {
    /// The outcome's name in logs and records.
    var name: String {
        switch self {
        case .completed: "completed"
        case .abandoned: "abandoned"
        case .released: "released"
        case .redirected: "redirected"
        case .transferFailed: "transfer-failed"
        case .transferred: "transferred"
        case .callbackFailed: "callback-failed"
        }
    }

    /// What the outcome carries besides its name, as log keys and plain values.
    var details: [(String, String)] {
        switch self {
        case .completed(_, let endedBy), .transferred(let endedBy): [("call.ended_by", endedBy.rawValue)]
        case .abandoned(let ringing): ringing.map { [("acd.ringing_agent", $0)] } ?? []
        case .released(let statusCode, let reason): [("sip.status", String(statusCode)), ("call.reason", reason)]
        case .redirected(let number): [("call.redirected_to", number)]
        case .transferFailed(let statusCode): [("sip.status", String(statusCode))]
        case .callbackFailed(let attempts): [("call.callback_attempts", String(attempts))]
        }
    }
}
