import NIOConcurrencyHelpers

/// The daemon's view of every agent's presence: fed by a source's updates, read by the call path.
///
/// Reads take a short lock and never wait for I/O, so asking "may this agent take a call?" costs a
/// dictionary lookup. Ids are compared lowercased.
public final class PresenceDirectory: Sendable {
    /// The rules that turn a snapshot into a verdict.
    public let fusion: PresenceFusion
    private let state = NIOLockedValueBox<State>(State())

    private struct State {
        var snapshots: [String: PresenceSnapshot] = [:]
        var health: PresenceSourceHealth = .reachable
    }

    /// Creates an empty directory.
    public init(fusion: PresenceFusion) {
        self.fusion = fusion
    }

    /// Applies an update; returns the ids whose availability or activity changed (to re-run dispatch for).
    @discardableResult
    public func apply(_ update: PresenceUpdate) -> [String] {
        state.withLockedValue { state in
            switch update {
            case .health(let health):
                state.health = health
                return []
            case .observed(let snapshots):
                var changed: [String] = []
                for snapshot in snapshots {
                    let previous = state.snapshots.updateValue(snapshot, forKey: snapshot.userID)
                    if previous?.availability != snapshot.availability || previous?.activity != snapshot.activity {
                        changed.append(snapshot.userID)
                    }
                }
                return changed
            }
        }
    }

    /// The last observation of `userID`, if any.
    public func snapshot(of userID: String) -> PresenceSnapshot? {
        state.withLockedValue { $0.snapshots[userID.lowercased()] }
    }

    /// The source's health as last reported.
    public var health: PresenceSourceHealth {
        state.withLockedValue { $0.health }
    }

    /// The fused verdict for `userID` at `now`, given Switchboard's own call state for the agent.
    public func availability(of userID: String, callState: AgentCallState, now: ContinuousClock.Instant) -> AgentAvailability {
        let (snapshot, health) = state.withLockedValue { ($0.snapshots[userID.lowercased()], $0.health) }
        return fusion.availability(snapshot: snapshot, callState: callState, health: health, now: now)
    }
}
