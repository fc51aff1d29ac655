import TeamsPresence
import NIOConcurrencyHelpers

/// The daemon's view of every agent's presence: fed by a source's updates, read by the presence feed.
///
/// Reads take a short lock and never wait for I/O, so asking for a user's presence costs a
/// dictionary lookup. Ids are compared lowercased.
public final class PresenceDirectory: Sendable {
    /// The rules that decide whether a snapshot can still be trusted.
    public let freshness: PresenceFreshness
    private let state = NIOLockedValueBox<State>(State())

    private struct State {
        var snapshots: [String: PresenceSnapshot] = [:]
        var health: PresenceSourceHealth = .reachable
    }

    /// Creates an empty directory.
    public init(freshness: PresenceFreshness) {
        self.freshness = freshness
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

    /// The presence to route `userID` on at `now`: the last observation, or unknown when there is
    /// none, it went stale, or the source has been down past its grace period.
    public func presence(of userID: String, now: ContinuousClock.Instant) -> TeamsPresence {
        presences(ofLowercased: [userID.lowercased()], now: now)[0]
    }

    /// ``presence(of:now:)`` for each of `userIDs`, which are lowercased already, in order: one lock
    /// and no new String per id, for the presence feed's re-evaluation of every agent.
    public func presences(ofLowercased userIDs: [String], now: ContinuousClock.Instant) -> [TeamsPresence] {
        state.withLockedValue { state in
            userIDs.map { freshness.presence(snapshot: state.snapshots[$0], health: state.health, now: now) }
        }
    }
}
