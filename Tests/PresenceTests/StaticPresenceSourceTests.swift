import Presence
import TeamsPresence
import Testing

@Suite("Static presence source", .timeLimit(.minutes(1)))
struct StaticPresenceSourceTests {
    @Test("Publishes the configured table on start, then each change set at runtime")
    func tableThenChanges() async throws {
        let source = StaticPresenceSource(presences: ["B-agent": .doNotDisturb, "a-agent": .available])
        let directory = PresenceDirectory(freshness: source.freshness)
        var updates = source.updates.makeAsyncIterator()
        let task = Task { try await source.run() }
        let table = try #require(await updates.next())
        #expect(directory.apply(table) == ["a-agent", "b-agent"])
        #expect(directory.presence(of: "A-AGENT", now: .now) == .available)
        #expect(directory.presence(of: "b-agent", now: .now) == TeamsPresence(availability: .doNotDisturb, activity: .doNotDisturb))
        source.set(userID: "b-agent", availability: .available)
        let change = try #require(await updates.next())
        #expect(directory.apply(change) == ["b-agent"])
        // Static presence never goes stale.
        #expect(directory.presence(of: "b-agent", now: .now + .seconds(86_400)) == TeamsPresence(availability: .available, activity: .available))
        #expect(source.status().agents == 2)
        task.cancel()
        try await task.value
        #expect(await updates.next() == nil)
    }

    @Test("A value set before start is part of the table, not overwritten by it")
    func setBeforeRun() async throws {
        let source = StaticPresenceSource(presences: ["agent": .available])
        source.set(userID: "agent", availability: .offline)
        let directory = PresenceDirectory(freshness: source.freshness)
        var updates = source.updates.makeAsyncIterator()
        let task = Task { try await source.run() }
        directory.apply(try #require(await updates.next()))
        directory.apply(try #require(await updates.next()))
        #expect(directory.snapshot(of: "agent")?.availability == .offline)
        task.cancel()
        try await task.value
    }
}
