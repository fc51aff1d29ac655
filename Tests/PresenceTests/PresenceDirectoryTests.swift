import Presence
import TeamsPresence
import Testing

@Suite("Presence directory: what the presence feed reads")
struct PresenceDirectoryTests {
    @Test("Health updates switch every agent to the unreachable policy and back")
    func healthUpdates() {
        let now = ContinuousClock.now
        let directory = PresenceDirectory(
            freshness: PresenceFreshness(stalenessBudget: .seconds(30), unreachablePolicy: .keepLastKnown(for: .seconds(60))))
        let snapshot = PresenceSnapshot(userID: "Agent-1", availability: .available, activity: .available, observedAt: now - .seconds(5))
        #expect(directory.apply(.observed([snapshot])) == ["agent-1"])
        #expect(directory.apply(.observed([snapshot])) == [])
        #expect(directory.apply(.health(.unreachable(since: now - .seconds(30), reason: "test"))) == [])
        #expect(directory.presence(of: "agent-1", now: now) == .available)
        #expect(directory.presence(of: "agent-1", now: now + .seconds(31)) == .unknown)
        directory.apply(.health(.reachable))
        #expect(directory.health == .reachable)
        #expect(directory.presence(of: "AGENT-1", now: now) == .available)
        #expect(directory.presence(of: "agent-2", now: now) == .unknown)
    }
}

@Suite("Presence directory: every agent read under one lock")
struct PresenceDirectoryBatchTests {
    @Test("Each lowercased id gets its own presence, in order; an unknown one is unknown")
    func batch() {
        let now = ContinuousClock.now
        let directory = PresenceDirectory(freshness: PresenceFreshness(stalenessBudget: .seconds(30), unreachablePolicy: .keepLastKnown(for: .seconds(60))))
        directory.apply(.observed([
            PresenceSnapshot(userID: "A", availability: .available, activity: .available, observedAt: now),
            PresenceSnapshot(userID: "b", availability: .busy, activity: .inACall, observedAt: now - .seconds(40)),
        ]))
        #expect(directory.presences(ofLowercased: ["b", "a", "c"], now: now)
            == [.unknown, .available, .unknown])
        #expect(directory.presences(ofLowercased: [], now: now).isEmpty)
    }
}
