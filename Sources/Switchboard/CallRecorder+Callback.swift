import CallStore
import Foundation

/// Callbacks in the store: `CALLBACKREQUESTED` when the caller becomes a callback entry, the agent's
/// offer resolved as answered when the agent answers (the offer attempt), `CALLBACKNOANSWER` for each
/// call back the caller did not answer, and `CONNECT` (with the call record's answer time) only once
/// the caller answers; `CALLBACKFAILED` is written when the call ends that way. The entry itself is
/// kept in the store meanwhile (`CallRecorder+PendingCallback`).
extension CallRecorder {
    /// The engine made the caller a callback entry at `position`.
    func callbackAccepted(_ callID: String, position: Int, at now: Date) {
        update(callID) { call in
            call.callbackAttempts = 0
            log(.callbackRequested, call: call, agent: "NONE", at: now,
                data: [call.exitKey.map { String($0) } ?? "", "\(position)", "\(call.originalPosition)", seconds(from: call.enteredQueueAt, to: now)])
        }
    }

    /// The agent answered the entry's offer: the offer attempt is answered; the caller is rung next.
    func callbackAgentAnswered(_ callID: String, agent: String, at now: Date) {
        update(callID) { call in
            guard let offer = call.offers[agent] else { return }
            call.callbackOfferedAt = offer.offeredAt
            resolveOffer(of: &call, agent: agent, result: .answered, at: now)
            call.record.agent = agent
        }
    }

    /// The caller answered the call back: connected.
    func callbackConnected(_ callID: String, agent: String, at now: Date) {
        update(callID) { call in
            call.callbackAttempts = (call.callbackAttempts ?? 0) + 1
            if call.record.answeredAt == nil { call.record.answeredAt = now }
            log(.connect, call: call, agent: agent, at: now,
                data: [seconds(from: call.enteredQueueAt, to: now), "", seconds(from: call.callbackOfferedAt ?? now, to: now)])
            writer.append(.call(call.record))
            forgetCallback(of: &call)
        }
    }

    /// A call back went unanswered.
    func callbackUnanswered(_ callID: String, agent: String, statusCode: Int?, at now: Date) {
        update(callID) { call in
            let attempt = (call.callbackAttempts ?? 0) + 1
            call.callbackAttempts = attempt
            log(.callbackNoAnswer, call: call, agent: agent, at: now, data: ["\(attempt)", statusCode.map { "\($0)" } ?? "timeout"])
        }
    }
}
