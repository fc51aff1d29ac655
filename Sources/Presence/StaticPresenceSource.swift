import TeamsPresence
import NIOConcurrencyHelpers

/// Presence that does not come from Graph: values from the configuration file, changed at runtime
/// from the CLI. For labs and for sites without Graph. It never goes stale and is never unreachable.
///
/// ```swift
/// let source = StaticPresenceSource(presences: ["alice-id": .available, "bob-id": .doNotDisturb])
/// source.set(userID: "bob-id", availability: .available)
/// ```
public final class StaticPresenceSource: PresenceSource {
    /// Observations: the whole table when ``run()`` starts, then each change.
    public let updates: AsyncStream<PresenceUpdate>
    /// No staleness budget: a static value is as true as the day it was set.
    public let freshness = PresenceFreshness(stalenessBudget: nil, unreachablePolicy: .unknownImmediately)
    private let continuation: AsyncStream<PresenceUpdate>.Continuation
    private let parked: AsyncStream<Never>
    private let parkedContinuation: AsyncStream<Never>.Continuation
    private let now: @Sendable () -> ContinuousClock.Instant
    private let table: NIOLockedValueBox<[String: PresenceSnapshot]>

    /// Creates a source from availability per user id; activities follow the availability.
    public init(
        presences: [String: TeamsAvailability],
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }
    ) {
        let at = now()
        self.now = now
        self.table = NIOLockedValueBox(
            Dictionary(
                presences.map { id, availability in
                    let snapshot = PresenceSnapshot(
                        userID: id, availability: availability, activity: Self.activity(for: availability),
                        observedAt: at)
                    return (snapshot.userID, snapshot)
                },
                uniquingKeysWith: { _, last in last }
            ))
        (updates, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        (parked, parkedContinuation) = AsyncStream.makeStream()
    }

    /// Sets one user's presence now; the activity follows the availability unless given.
    public func set(userID: String, availability: TeamsAvailability, activity: TeamsActivity? = nil) {
        let snapshot = PresenceSnapshot(
            userID: userID, availability: availability, activity: activity ?? Self.activity(for: availability),
            observedAt: now())
        table.withLockedValue {
            $0[snapshot.userID] = snapshot
            _ = continuation.yield(.observed([snapshot]))
        }
    }

    /// Health and counters: always reachable, no requests.
    public func status() -> PresenceStatus {
        PresenceStatus(agents: table.withLockedValue { $0.count })
    }

    /// Publishes the table, then waits until the task is cancelled, then finishes ``updates``.
    public func run() async throws {
        table.withLockedValue { table in
            _ = continuation.yield(.observed(table.values.sorted { $0.userID < $1.userID }))
        }
        for await _ in parked {}
        continuation.finish()
    }

    /// The activity Teams shows next to an availability set without one.
    static func activity(for availability: TeamsAvailability) -> TeamsActivity {
        switch availability {
        case .available: .available
        case .availableIdle, .busyIdle: .inactive
        case .away: .away
        case .beRightBack: .beRightBack
        case .busy: .busy
        case .doNotDisturb: .doNotDisturb
        case .offline: .offline
        case .presenceUnknown: .presenceUnknown
        }
    }
}
