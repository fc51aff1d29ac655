import ACD
import B2BUA
import ControlAPI
import ControlModel

extension ControlDesk {
    /// Every call held, oldest first.
    func calls() -> [CallView] {
        router.callSnapshots.map(callView)
    }

    /// One call.
    func call(_ id: String) throws -> CallView {
        guard let snapshot = router.callSnapshot(id) else { throw ControlError.notFound(field: "call", value: id) }
        return callView(snapshot)
    }

    /// Who could take a waiting caller's call now, and why the other members could not.
    func explain(call id: String) throws -> ExplanationView {
        guard let explanation = engine.explain(callID: ACD.CallID(id), now: now) else {
            guard let snapshot = router.callSnapshot(id) else { throw ControlError.notFound(field: "call", value: id) }
            throw ControlError.conflict(field: "call", message: "call \(id) is not waiting in a queue (\(snapshot.state.rawValue))")
        }
        return ExplanationView(callID: id, queue: explanation.queue.rawValue, candidates: explanation.candidates.map(\.rawValue),
                               skipped: explanation.skipped.map { SkippedAgentView(agent: $0.agent.rawValue, reason: ReasonView($0.reason)) })
    }

    private func callView(_ call: CallSnapshot) -> CallView {
        let leg = { (leg: CallSnapshot.Leg) in AgentLegView(agentID: leg.agentID, target: leg.target, sipCallID: leg.sipCallID) }
        return CallView(callID: call.callID, queue: call.queue, callerNumber: call.callerNumber, state: call.state.rawValue,
                        arrivedAt: Self.iso(date(call.arrivedAt)), answeredAt: call.answeredAt.map { Self.iso(date($0)) },
                        durationSeconds: Self.seconds(router.now - call.arrivedAt),
                        callerLeg: CallerLegView(sipCallID: call.callID, from: call.callerSource, answered: call.answeredAt != nil),
                        agentLeg: call.connectedLeg.map(leg), ringing: call.ringing.map(leg))
    }
}
