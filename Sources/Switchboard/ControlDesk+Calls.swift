import ACD
import B2BUA
import ControlAPI
import ControlModel
import Foundation

/// A call as its shard saw it: the snapshot, the shard's clock then, and the wall-clock instant that
/// clock counts from.
struct ShardCallSnapshot: Sendable {
    let call: CallSnapshot
    let now: Duration
    let epoch: Date

    /// The call's snapshot in `router` (on its loop), whose clock counts from `epoch`; nil when the
    /// router holds no such call.
    init?(_ callID: String, in router: CallRouter, epoch: Date) {
        guard let call = router.callSnapshot(callID) else { return nil }
        self.init(call: call, now: router.now, epoch: epoch)
    }

    /// `call` as seen at `now` on a clock counting from `epoch`.
    init(call: CallSnapshot, now: Duration, epoch: Date) {
        self.call = call
        self.now = now
        self.epoch = epoch
    }

    /// When the call arrived, on the wall clock.
    var arrivedAt: Date { epoch.addingTimeInterval(ControlDesk.seconds(call.arrivedAt)) }
}

extension ControlDesk {
    /// Who could take a waiting caller's call now, and why the other members could not; nil when
    /// the engine holds no such caller waiting.
    func explanation(call id: String) -> ExplanationView? {
        guard let explanation = engine.explain(callID: ACD.CallID(id), now: now) else { return nil }
        return ExplanationView(callID: id, queue: explanation.queue.rawValue, candidates: explanation.candidates.map(\.rawValue),
                               skipped: explanation.skipped.map { SkippedAgentView(agent: $0.agent.rawValue, reason: ReasonView($0.reason)) })
    }

    /// The refusal of an action that needs a waiting caller, for a call in `state`.
    static func notWaiting(_ id: String, state: CallSnapshot.State) -> ControlError {
        .conflict(field: "call", message: "call \(id) is not waiting in a queue (\(state.rawValue))")
    }

    /// The answer to a hang-up of an answered call, which its router performed.
    static func hungUp(_ id: String) -> ActionResult {
        ActionResult(action: "hangup", callID: id, message: "BYE sent on both legs")
    }

    /// A call as the control API shows it.
    static func callView(_ snapshot: ShardCallSnapshot) -> CallView {
        let call = snapshot.call
        let date = { (time: Duration) in snapshot.epoch.addingTimeInterval(seconds(time)) }
        let leg = { (leg: CallSnapshot.Leg) in AgentLegView(agentID: leg.agentID, target: leg.target, sipCallID: leg.sipCallID) }
        return CallView(callID: call.callID, queue: call.queue, callerNumber: call.callerNumber, state: call.state.rawValue,
                        arrivedAt: iso(date(call.arrivedAt)), answeredAt: call.answeredAt.map { iso(date($0)) },
                        durationSeconds: seconds(snapshot.now - call.arrivedAt),
                        callerLeg: CallerLegView(sipCallID: call.callID, from: call.callerSource, answered: call.answeredAt != nil),
                        agentLeg: call.connectedLeg.map(leg), ringing: call.ringing.map(leg))
    }
}
