import TeamsPresence
import ACD
import Logging
import NIOCore
import Presence
import SIPStack

/// Carries Teams presence from its source (the Graph poller or a static table) to the queue engine
/// on the call router's loop. Each change, and every agent every 5 s when the source's presence can
/// go stale, goes through the source's freshness rules (staleness budget, Graph-outage policy), so
/// presence that went stale or whose source went down reaches the engine as unknown without any new
/// update arriving. Whether a presence is routable is the engine's policy, not this feed's.
public final class PresenceFeed: @unchecked Sendable {
    /// The presence source.
    public let source: any PresenceSource
    private let directory: PresenceDirectory
    /// One agent fed: its presence user id, lowercased as the directory keeps it, and what the engine
    /// was last told of it.
    private struct FedAgent {
        let user: String
        let agent: String
        var told: TeamsPresence?
    }

    /// Every agent fed, in an order kept until the users change.
    private var fed: [FedAgent] = []
    /// The index in `fed` of each presence user id.
    private var indexByUser: [String: Int] = [:]
    private let distributor: ACDCallDistributor
    private let wheel: TimerWheel

    /// `users` maps each agent id to its presence user id (the Teams object id for Graph).
    public init(source: any PresenceSource, users: [String: String], distributor: ACDCallDistributor, wheel: TimerWheel) {
        self.source = source
        self.directory = PresenceDirectory(freshness: source.freshness)
        self.distributor = distributor
        self.wheel = wheel
        replaceUsers(users)
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
        let added = Set(users.values.filter { indexByUser[$0.lowercased()] == nil })
        replaceUsers(users)
        if let graph = source as? GraphPresenceSource<ContinuousClock> { graph.setAgents(Array(users.values)) }
        if addedAvailable, let table = source as? StaticPresenceSource {
            for user in added.sorted() { table.set(userID: user, availability: .available) }
        }
        feedEveryAgent()
    }

    /// Rebuilds the agents fed, keeping what the engine was told of each agent that stays.
    private func replaceUsers(_ newUsers: [String: String]) {
        let toldByAgent = Dictionary(fed.map { ($0.agent, $0.told) }, uniquingKeysWith: { first, _ in first })
        let agentByUser = Dictionary(newUsers.map { ($0.value.lowercased(), $0.key) }, uniquingKeysWith: { first, _ in first })
        fed = agentByUser.map { FedAgent(user: $0.key, agent: $0.value, told: toldByAgent[$0.value] ?? nil) }
        indexByUser = Dictionary(uniqueKeysWithValues: fed.enumerated().map { ($0.element.user, $0.offset) })
    }

    /// Re-evaluates every agent every 5 s, for presence that goes stale with time; a source without a
    /// staleness budget (the static table) has nothing that changes with time but an outage's end
    /// of grace, which ``reevaluateWhenGraceEnds(outageSince:)`` covers.
    private func scheduleReevaluation() {
        guard source.freshness.stalenessBudget != nil else { return }
        wheel.schedule(after: .seconds(5)) { [weak self] in
            guard let self else { return }
            self.feedEveryAgent()
            self.scheduleReevaluation()
        }
    }

    /// Re-evaluates every agent the moment an outage's grace period ends, so no offer follows
    /// presence that stopped counting (the 5 s re-evaluation would leave a gap).
    private func reevaluateWhenGraceEnds(outageSince since: ContinuousClock.Instant) {
        let remaining = since + source.freshness.unreachablePolicy.gracePeriod - ContinuousClock.now
        wheel.schedule(after: max(.zero, remaining) + .milliseconds(1)) { [weak self] in
            guard let self else { return }
            self.feedEveryAgent()
        }
    }

    /// Feeds the agents whose presence user ids (lowercased, as the directory reports changes) changed.
    private func feed(users changed: [String]) {
        feed(changed.compactMap { indexByUser[$0] })
    }

    private func feedEveryAgent() {
        feed(Array(fed.indices))
    }

    /// Tells the engine of each agent at `indices` of `fed` whose presence differs from what it was last told.
    private func feed(_ indices: [Int]) {
        let instant = ContinuousClock.now
        let presences = directory.presences(ofLowercased: indices.map { fed[$0].user }, now: instant)
        for (index, presence) in zip(indices, presences) where fed[index].told != presence {
            fed[index].told = presence
            let age = directory.snapshot(of: fed[index].user).map { instant - $0.observedAt } ?? .zero
            distributor.presenceChanged(agentID: fed[index].agent, presence: presence, observedAt: wheel.now - age)
        }
    }
}
