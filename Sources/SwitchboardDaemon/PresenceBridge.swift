import ACD
import Logging
import NIOCore
import Presence

/// Carries Teams presence from its source (Graph poller or static table) to the queue engine on the
/// SIP event loop: each change goes through presence fusion (staleness budget, Graph-outage policy,
/// switchboardd's own call state) and the engine receives the fused verdict as a Teams presence.
final class PresenceBridge: @unchecked Sendable {
    let source: any PresenceSource
    private let directory: PresenceDirectory
    private let agentByUser: [String: String]
    private var fedToEngine: [String: ACD.TeamsPresence] = [:]
    private let logger: Logger

    /// `users` maps each agent id to its presence user id (the Teams object id for Graph).
    init(source: any PresenceSource, users: [String: String], logger: Logger) {
        self.source = source
        self.directory = PresenceDirectory(fusion: source.fusion)
        self.agentByUser = Dictionary(users.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
    }

    /// Polls (or serves the static table) and applies every update on the core's loop until cancelled.
    func run(core: SwitchboardCore) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.source.run() }
            group.addTask {
                for await update in self.source.updates {
                    let changed = self.directory.apply(update)
                    core.layer.eventLoop.execute { self.feed(users: changed, core: core) }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Re-evaluates every agent: presence that went stale or whose source became unreachable turns
    /// unknown without any new update arriving. Called periodically on the core's loop.
    func reevaluate(core: SwitchboardCore) {
        feed(users: Array(agentByUser.keys), core: core)
    }

    /// Whether the source currently answers (for status).
    var health: PresenceSourceHealth { directory.health }

    private func feed(users: [String], core: SwitchboardCore) {
        for user in users {
            guard let agentID = agentByUser[user] else { continue }
            let verdict = directory.availability(of: user, callState: core.callState(ofAgent: agentID), now: .now)
            let presence = Self.presence(for: verdict, snapshot: directory.snapshot(of: user))
            guard fedToEngine[agentID] != presence else { continue }
            fedToEngine[agentID] = presence
            let observed = directory.snapshot(of: user).map { core.elapsed(since: $0.observedAt) } ?? core.now
            core.presenceChanged(agentID: agentID, presence: presence, observedAt: observed)
        }
    }

    /// The presence the engine sees: what Graph said, unless fusion calls it unknown (stale, outage,
    /// never seen). An agent busy with one of switchboardd's own calls keeps Graph's value: the engine
    /// overlays its own call state.
    static func presence(for verdict: AgentAvailability, snapshot: PresenceSnapshot?) -> ACD.TeamsPresence {
        switch verdict {
        case .unknown:
            return ACD.TeamsPresence(availability: .presenceUnknown, activity: .presenceUnknown)
        case .routable, .notRoutable:
            guard let snapshot else { return ACD.TeamsPresence(availability: .presenceUnknown, activity: .presenceUnknown) }
            return ACD.TeamsPresence(availability: ACD.TeamsAvailability(rawValue: snapshot.availability.graphValue) ?? .presenceUnknown,
                                     activity: ACD.TeamsActivity(rawValue: snapshot.activity.graphValue) ?? .presenceUnknown)
        }
    }
}
