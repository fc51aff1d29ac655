/// Read-only views of the calls held, and a supervisor's hang-up: for the control API.
extension CallRouter {
    /// Every call held, oldest first.
    public var callSnapshots: [CallSnapshot] {
        sessions.values.map(\.snapshot).sorted { ($0.arrivedAt, $0.callID) < ($1.arrivedAt, $1.callID) }
    }

    /// One call, or `nil` when the router holds none with this id.
    public func callSnapshot(_ callID: CallID) -> CallSnapshot? {
        sessions[callID]?.snapshot
    }

    /// Ends an answered call (BYE on both legs, as when the maximum duration passes); `false` when
    /// the router holds no such call or its caller was never answered (release those through the
    /// call distributor, which owns waiting callers).
    public func hangUpAnswered(_ callID: CallID) -> Bool {
        guard let session = sessions[callID], session.answeredAt != nil else { return false }
        post(.call(callID, .limitReached))
        return true
    }
}

extension CallSession {
    /// This call as the control API shows it.
    var snapshot: CallSnapshot {
        let state: CallSnapshot.State = switch machine.state {
        case .waiting(let ringing): machine.transferAttempt != nil ? .transferring : ringing.isEmpty ? .waiting : .ringing
        case .answering: .answering
        case .connected: .connected
        case .transferred: .transferred
        case .ended: .ended
        }
        let ringing = machine.ringing.keys.sorted().compactMap(leg)
        let connected = (machine.connectedAttempt ?? machine.transferAttempt).flatMap(leg)
        return CallSnapshot(callID: callID, queue: queue, callerNumber: callerNumber, state: state,
                            callerSource: "\(inviteTransaction.source)", arrivedAt: arrivedAt, answeredAt: answeredAt,
                            connectedLeg: connected, ringing: ringing)
    }

    private func leg(_ attempt: Int) -> CallSnapshot.Leg? {
        guard let current = attempts[attempt] else { return nil }
        return CallSnapshot.Leg(agentID: current.agent.agentID.isEmpty ? nil : current.agent.agentID,
                                target: current.agent.agentID.isEmpty ? "\(current.invite.requestURI)" : current.agent.number,
                                sipCallID: current.invite.headers.callID)
    }
}
