import Media
import MediaTransport
import NIOPosix
import Testing

@Suite("Media engine: changing a stream's music")
struct MediaEngineMusicTests {
    let group = MultiThreadedEventLoopGroup.singleton

    @Test("a stream moved to another music hears that loop from then on; unknown names are refused")
    func changeMusic() async throws {
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("first", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("first", frames: 400, tag: 0xC0)])))
        try await engine.addMusic("second", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("second", frames: 400, tag: 0xD0)])))
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: probe.port), source: .music("first"))
        #expect(await eventually { probe.packets(from: port).count >= 3 })
        try await engine.changingMusic("call", to: "second").get()
        #expect(await eventually { probe.packets(from: port).suffix(3).allSatisfy { $0.payload[0] == 0xD0 } })
        try await engine.stopAll()
        let tags = probe.packets(from: port).map { $0.payload[0] }
        let switched = try #require(tags.firstIndex(of: 0xD0))
        #expect(tags[..<switched].allSatisfy { $0 == 0xC0 } && tags[switched...].allSatisfy { $0 == 0xD0 }, "one switch, never back")
        await #expect(throws: MediaEngineError.unknownStream("call")) { try await engine.changingMusic("call", to: "second").get() }
        let other = try await engine.startStream("other", negotiated: MediaFixtures.audio(to: probe.port), source: .silence)
        await #expect(throws: MediaEngineError.unknownMusic("jazz")) { try await engine.changingMusic("other", to: "jazz").get() }
        #expect(other > 0)
        try await engine.stopAll()
        await probe.close()
    }
}
