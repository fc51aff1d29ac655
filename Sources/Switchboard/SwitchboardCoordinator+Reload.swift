import ACD
import YAMLConfiguration
import Presence

/// A reload switchboardd refused; the configuration in effect stays.
public struct ReloadRefusal: Error, CustomStringConvertible {
    /// Why, naming the key, queue or agent.
    public let description: String
}

extension SwitchboardCoordinator {
    /// The sections a reload applies; every other section takes effect only at a restart.
    static let reloadableSections = "agents, queues, acd"

    /// Applies a configuration read again from the file, without dropping a call, a pause, a wrap-up
    /// or a statistic: the queue engine is rebuilt around what is live (on its loop), then every
    /// shard's number plan is replaced for new calls (on the shard's loop), and presence follows the
    /// new agent list. Returns a one-line
    /// summary of what changed.
    ///
    /// Refused as a whole, changing nothing, when a section other than agents, queues and acd differs
    /// from the one in effect (listeners, trunks, limits, log, control, presence, storage, timers
    /// need a restart), or when the queue engine refuses the change (see
    /// ``ACDEngine/reconfigured(to:now:)``).
    public func reload(_ next: SwitchboardConfiguration) async throws -> String {
        if !next.holdMedia.isEmpty {
            guard let media else {
                throw ReloadRefusal(description: "queues \(next.holdMedia.keys.sorted().joined(separator: ", ")) answer their callers, "
                    + "but no queue did at start-up, so the media edge is not running: restart switchboardd to start it")
            }
            try await media.register(next.music)
        }
        let summary = try await hub.eventLoop.submit { () throws -> String in
            let current = self.configuration
            let restartOnly = Self.restartOnlyChanges(from: current, to: next)
            guard restartOnly.isEmpty else {
                throw ReloadRefusal(description: "\(restartOnly.joined(separator: ", ")) changed: "
                    + "only \(Self.reloadableSections) apply on reload; restart switchboardd for the rest")
            }
            do {
                try self.distributor.reconfigure(next.acd)
            } catch {
                throw ReloadRefusal(description: "\(error)")
            }
            self.presence.setUsers(Self.presenceUsers(next), addedAvailable: next.presence == nil)
            self.configuration = next
            return Self.summary(from: current.acd, to: next.acd)
        }.get()
        let queueByNumber = Self.queueByNumber(next.acd)
        _ = try await onEveryShard { shard in
            shard.router.queueByNumber = queueByNumber
            shard.hold?.queues = next.holdMedia
            shard.hold?.words = next.announcementWords
        }
        return summary
    }

    /// The sections that differ and cannot change while running.
    static func restartOnlyChanges(from current: SwitchboardConfiguration, to next: SwitchboardConfiguration) -> [String] {
        var changed: [String] = []
        if current.transport != next.transport { changed.append("sip") }
        if current.timers != next.timers { changed.append("sip.timers") }
        if current.trunks != next.trunks { changed.append("trunks") }
        if current.limits != next.limits { changed.append("limits") }
        if current.logLevel != next.logLevel || current.logFormat != next.logFormat { changed.append("log") }
        if current.control != next.control { changed.append("control") }
        if current.presence != next.presence { changed.append("presence") }
        if current.storage != next.storage { changed.append("storage") }
        if current.media != next.media { changed.append("media") }
        return changed
    }

    /// "reloaded: 3 queues (1 added, 0 removed), 12 agents (2 added, 1 removed)".
    static func summary(from current: ACDConfiguration, to next: ACDConfiguration) -> String {
        func counts<ID: Hashable>(_ old: [ID], _ new: [ID]) -> String {
            let before = Set(old), after = Set(new)
            return "\(after.subtracting(before).count) added, \(before.subtracting(after).count) removed"
        }
        return "reloaded: \(next.queues.count) queues (\(counts(current.queues.map(\.id), next.queues.map(\.id)))), "
            + "\(next.agents.count) agents (\(counts(current.agents.map(\.id), next.agents.map(\.id))))"
    }
}
