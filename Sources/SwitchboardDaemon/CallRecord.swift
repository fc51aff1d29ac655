import B2BUA
import Logging

/// One record per call, written to the log when the call ends (times are monotonic, since daemon
/// start); the wait and talk times are what service-level reporting reads.
struct CallRecord: Sendable, Equatable {
    /// The caller's A-leg Call-ID.
    var callID: String
    /// The queue the caller reached.
    var queue: String
    /// The caller's number as presented to agents.
    var callerNumber: String
    /// The agent connected or last rung, if any.
    var agentID: String?
    /// When the caller arrived.
    var arrivedAt: Duration
    /// When an agent answered.
    var answeredAt: Duration?
    /// When the call ended.
    var endedAt: Duration
    /// How it ended.
    var outcome: CallOutcome

    init(session: CallSession, outcome: CallOutcome, endedAt: Duration) {
        callID = session.callID
        queue = session.queue
        callerNumber = session.callerNumber
        switch outcome {
        case .completed(let agentID, _): self.agentID = agentID
        case .abandoned(let agentID): self.agentID = agentID
        case .released, .redirected, .transferFailed, .transferred: agentID = nil
        }
        arrivedAt = session.arrivedAt
        answeredAt = session.answeredAt
        self.endedAt = endedAt
        self.outcome = outcome
    }

    /// The record as log metadata (`call.*` keys).
    var metadata: Logger.Metadata {
        let wait = (answeredAt ?? endedAt) - arrivedAt
        let talk = answeredAt.map { endedAt - $0 } ?? .zero
        return ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.caller": "\(callerNumber)",
                "acd.agent": "\(agentID ?? "-")", "call.outcome": "\(outcome)",
                "call.wait_seconds": "\(wait.components.seconds)", "call.talk_seconds": "\(talk.components.seconds)"]
    }
}
