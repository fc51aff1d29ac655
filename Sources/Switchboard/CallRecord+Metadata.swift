import B2BUA
import Logging

extension CallRecord {
    /// The record as log metadata (`call.*` keys), as the daemon writes it when a call ends.
    public var metadata: Logger.Metadata {
        ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.caller": "\(callerNumber)",
         "acd.agent": "\(agentID ?? "-")", "call.outcome": "\(outcome)",
         "call.wait_seconds": "\(waitTime.components.seconds)", "call.talk_seconds": "\(talkTime.components.seconds)"]
    }
}
