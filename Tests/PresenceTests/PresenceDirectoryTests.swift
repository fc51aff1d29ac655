import Presence
import Testing

@Suite("Presence directory: what the call path reads")
struct PresenceDirectoryTests {
    @Test("Health updates switch every agent to the unreachable policy and back")
    func healthUpdates() {
        let now = ContinuousClock.now
        let directory = PresenceDirectory(
            fusion: PresenceFusion(stalenessBudget: .seconds(30), unreachablePolicy: .keepLastKnown(for: .seconds(60))))
        let snapshot = PresenceSnapshot(userID: "Agent-1", availability: .available, activity: .available, observedAt: now - .seconds(5))
        #expect(directory.apply(.observed([snapshot])) == ["agent-1"])
        #expect(directory.apply(.observed([snapshot])) == [])
        #expect(directory.apply(.health(.unreachable(since: now - .seconds(30), reason: "test"))) == [])
        #expect(directory.availability(of: "agent-1", callState: .idle, now: now) == .routable)
        #expect(directory.availability(of: "agent-1", callState: .idle, now: now + .seconds(31)) == .unknown(.sourceUnreachable))
        directory.apply(.health(.reachable))
        #expect(directory.health == .reachable)
        #expect(directory.availability(of: "AGENT-1", callState: .idle, now: now) == .routable)
        #expect(directory.availability(of: "agent-2", callState: .idle, now: now) == .unknown(.noPresence))
    }
}
