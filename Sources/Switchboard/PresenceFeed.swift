import TeamsPresence
import ACD
import Logging
import NIOCore
import Presence
import SIPStack

/// Carries Teams presence from its source (the Graph poller or a static table) to the queue engine
/// on the call router's loop. Each change, and every agent every 5 s, goes through the source's
/// freshness rules (staleness budget, Graph-outage policy), so presence that went stale or whose
/// source went down reaches the engine as unknown without any new update arriving. Whether a
/// presence is routable is the engine's policy, not this feed's.
public final class PresenceFeed: @unchecked Sendable {
    /// The presence source.
    public let source: any PresenceSource
    private let directory: PresenceDirectory
    private var agentByUser: [String: String]
    private let distributor: ACDCallDistributor
    private let wheel: TimerWheel
    private var fedToEngine: [String: TeamsPresence] = [:]

    /// `users` maps each agent id to its presence user id (the Teams object id for Graph).
    public init(source: any PresenceSource, users: [String: String], distributor: ACDCallDistributor, wheel: TimerWheel) {
        self.source = source
        self.directory = PresenceDirectory(freshness: source.freshness)
        self.agentByUser = Dictionary(users.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        self.distributor = distributor
        self.wheel = wheel
    }

    /// Polls (or serves the static table) and applies every update on the wheel's loop until cancelled.
    public func run() async throws {
        try await wheel.eventLoop.submit { self.scheduleReevaluation() }.get()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.source.run() }
            group.addTask {
                for await update in self.source.updates {
                    let changed = self.directory.apply(update)
                    self.wheel.eventLoop.execute {
                        self.feed(users: changed)
                        if case .health(.unreachable(let since, _)) = update { self.reevaluateWhenGraceEnds(outageSince: since) }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Replaces the agents and their presence user ids (a reload), on the wheel's loop: a Graph
    /// source polls the new list from its next cycle; with `addedAvailable` (no presence section:
    /// every agent counts as Available) a static source gets the new users as Available. Every
    /// agent is then fed again.
    public func setUsers(_ users: [String: String], addedAvailable: Bool) {
        let added = Set(users.values).subtracting(agentByUser.keys)
        agentByUser = Dictionary(users.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        fedToEngine = fedToEngine.filter { users[$0.key] != nil }
        if let graph = source as? GraphPresenceSource<ContinuousClock> { graph.setAgents(Array(users.values)) }
        if addedAvailable, let table = source as? StaticPresenceSource {
            for user in added.sorted() { table.set(userID: user, availability: .available) }
        }
        feed(users: Array(agentByUser.keys))
    }

    private func scheduleReevaluation() {
        wheel.schedule(after: .seconds(5)) { [weak self] in
            guard let self else { return }
            self.feed(users: Array(self.agentByUser.keys))
            self.scheduleReevaluation()
        }
    }

    /// Re-evaluates every agent the moment an outage's grace period ends, so no offer follows
    /// presence that stopped counting (the 5 s re-evaluation would leave a gap).
    private func reevaluateWhenGraceEnds(outageSince since: ContinuousClock.Instant) {
        let remaining = since + source.freshness.unreachablePolicy.gracePeriod - ContinuousClock.now
        wheel.schedule(after: max(.zero, remaining) + .milliseconds(1)) { [weak self] in
            guard let self else { return }
            self.feed(users: Array(self.agentByUser.keys))
        }
    }

    private func feed(users: [String]) {
        let instant = ContinuousClock.now
        for user in users {
            guard let agentID = agentByUser[user] else { continue }
            let presence = directory.presence(of: user, now: instant)
            guard fedToEngine[agentID] != presence else { continue }
            fedToEngine[agentID] = presence
            let age = directory.snapshot(of: user).map { instant - $0.observedAt } ?? .zero
            distributor.presenceChanged(agentID: agentID, presence: presence, observedAt: wheel.now - age)
        }
    }
}
