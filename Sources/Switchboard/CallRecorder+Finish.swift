import B2BUA
import CallStore
import Foundation

extension CallRecorder {
    /// A call ended: its record is closed with the outcome, who ended it and why, offers still
    /// ringing are resolved (`RINGCANCELED` when the caller left), and the queue log gets the end of
    /// a connected call (`COMPLETECALLER`/`COMPLETEAGENT`) or of an abandoned one (`ABANDON`). Lines for
    /// callers the queue let go were written when the engine decided (the `EXIT…` events). The record
    /// keeps the queue the engine last placed the caller in (an overflow to a queue moves the caller
    /// without the B2BUA knowing); the B2BUA's queue serves only a call the recorder never saw arrive.
    func finished(_ ended: B2BUA.CallRecord, at now: Date) {
        var call = calls.removeValue(forKey: ended.callID) ?? LiveCall(
            record: CallDetailRecord(callID: ended.callID, callerNumber: ended.callerNumber, queue: ended.queue,
                                     arrivedAt: now.addingTimeInterval(-Self.seconds(ended.endedAt - ended.arrivedAt))),
            enteredQueueAt: now)
        for agent in call.offers.keys.sorted() {
            resolveOffer(of: &call, agent: agent, result: .callerLeft, at: now)
            log(.ringCanceled, call: call, agent: agent, at: now, data: [])
        }
        var record = call.record
        record.dialedNumber = ended.dialedNumber.isEmpty ? nil : ended.dialedNumber
        if let agent = ended.agentID { record.agent = agent }
        if ended.answeredAt == nil { record.answeredAt = nil }
        record.endedAt = now
        (record.outcome, record.endedBy, record.cause) = Self.ending(of: ended)
        call.record = record
        let hold = seconds(from: call.enteredQueueAt, to: record.answeredAt ?? now)
        switch ended.outcome {
        case .completed(let agent, let endedBy):
            let talk = seconds(from: record.answeredAt ?? now, to: now)
            log(endedBy == .caller ? .completeCaller : .completeAgent, call: call, agent: agent, at: now,
                data: [hold, talk, "\(call.originalPosition)"])
        case .abandoned:
            log(.abandon, call: call, agent: "NONE", at: now, data: ["\(call.originalPosition)", "\(call.originalPosition)", hold])
        case .callbackFailed(let attempts):
            log(.callbackFailed, call: call, agent: "NONE", at: now, data: ["\(attempts)", "\(call.originalPosition)", hold])
        case .released, .redirected, .transferFailed, .transferred:
            break
        }
        writer.append(.call(record))
        forgetCallback(of: &call)
    }

    /// The stored outcome, who ended the call and the cause.
    static func ending(of record: B2BUA.CallRecord) -> (CallRecordOutcome, CallEndParty, String) {
        switch record.outcome {
        case .completed(_, let party):
            (.completed, CallEndParty(party), (party == .switchboard ? "BYE from Switchboard (limit, session expiry or missing ACK)" : "BYE")
                + (record.callbackAttempts > 0 ? " (called back, attempt \(record.callbackAttempts))" : ""))
        case .abandoned:
            (.abandoned, .caller, record.answeredAt == nil ? "CANCEL" : "BYE")
        case .released(let statusCode, let reason):
            (.released, .switchboard, "\(statusCode) \(reason)")
        case .redirected(let number):
            (.redirected, .switchboard, "302 to \(number)")
        case .transferFailed(let statusCode):
            (.transferFailed, .switchboard, "\(statusCode) from the transfer target")
        case .callbackFailed(let attempts):
            (.callbackFailed, .switchboard, "no answer to \(attempts) call\(attempts == 1 ? "" : "s") back")
        case .transferred(let party):
            (.transferred, CallEndParty(party), party == .switchboard ? "BYE from Switchboard (limit or session expiry)" : "BYE")
        }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}

extension CallEndParty {
    /// The stored party of the B2BUA's.
    init(_ party: CallParty) {
        switch party {
        case .caller: self = .caller
        case .agent: self = .agent
        case .switchboard: self = .switchboard
        }
    }
}
