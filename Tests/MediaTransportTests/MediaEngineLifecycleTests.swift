import Media
import MediaTransport
import NIOPosix
import Testing

@Suite("Media engine: streams and ports")
struct MediaEngineLifecycleTests {
    let group = MultiThreadedEventLoopGroup.singleton

    @Test("pool exhaustion is reported; stopping a stream closes its socket and returns its port")
    func exhaustionAndStop() async throws {
        let range = try await freePortRange(pairs: 1, group: group)
        let engine = try MediaFixtures.engine(ports: range)
        let probe = try await UDPProbe.bind(group: group)
        let port = try await engine.startStream("one", negotiated: MediaFixtures.audio(to: probe.port), source: .silence)
        #expect(port == range.lowerBound)
        await #expect(throws: MediaEngineError.portsExhausted) {
            try await engine.startStream("two", negotiated: MediaFixtures.audio(to: probe.port), source: .silence)
        }
        #expect(try await engine.portPool().availableCount == 0)
        try await engine.stopStream("one")
        #expect(try await engine.portPool().availableCount == 1)
        #expect(try await engine.counters().streams == 0)

        let rebound = try await UDPProbe.bind(group: group, port: port)
        #expect(rebound.port == port, "the stream's socket is closed, so its port binds again")
        await rebound.close()
        #expect(try await engine.startStream("two", negotiated: MediaFixtures.audio(to: probe.port), source: .silence) == port)
        await #expect(throws: MediaEngineError.unknownStream("one")) { try await engine.stopStream("one") }
        try await engine.stopAll()
        await probe.close()
    }

    @Test("a port another socket holds is skipped for the next one of the pool")
    func bindRetry() async throws {
        let range = try await freePortRange(pairs: 2, group: group)
        let squatter = try await UDPProbe.bind(group: group, port: range.lowerBound)
        let engine = try MediaFixtures.engine(ports: range)
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: squatter.port), source: .silence)
        #expect(port == range.lowerBound + 2)
        #expect(try await engine.portPool().allocatedCount == 1)
        try await engine.stopAll()
        await squatter.close()
    }

    @Test("a port another socket shares with SO_REUSEPORT is skipped too, not joined")
    func sharedPortSkipped() async throws {
        let range = try await freePortRange(pairs: 2, group: group)
        let squatter = try await UDPProbe.bind(group: group, port: range.lowerBound, sharing: true)
        let engine = try MediaFixtures.engine(ports: range)
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: squatter.port), source: .silence)
        #expect(port == range.lowerBound + 2)
        try await engine.stopAll()
        await squatter.close()
    }

    @Test("datagrams from many sources all reach the stream, none its sending socket on the same port")
    func receivingSocketGetsEverything() async throws {
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 1, group: group))
        let probe = try await UDPProbe.bind(group: group)
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: probe.port), source: .silence)
        var sender = RTPSender(payloadType: 0, ssrc: 0x1234, sequenceNumber: 1, timestamp: 0)
        // The kernel would spread these over the port's two sockets by their source ports were it not
        // steered: each of 32 sources would have one chance in two of reaching the unread socket.
        for _ in 0..<32 {
            let source = try await UDPProbe.bind(group: group)
            try await source.send(sender.audioPacket(Array(repeating: 0xFF, count: 160)).serialized(), to: port)
            await source.close()
        }
        #expect(try await eventually { try await engine.counters(of: "call")?.packetsReceived == 32 })
        try await engine.stopAll()
        await probe.close()
    }

    @Test("a port whose RTCP neighbour another socket holds is skipped too; a stream binds both ports")
    func rtcpPortTaken() async throws {
        let range = try await freePortRange(pairs: 2, group: group)
        let squatter = try await UDPProbe.bind(group: group, port: range.lowerBound + 1)
        let engine = try MediaFixtures.engine(ports: range)
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: squatter.port), source: .silence)
        #expect(port == range.lowerBound + 2)
        await #expect(throws: (any Error).self) { try await UDPProbe.bind(group: group, port: port + 1) }
        try await engine.stopAll()
        let rebound = try await UDPProbe.bind(group: group, port: port + 1)
        #expect(rebound.port == port + 1, "the RTCP socket is closed with the stream")
        await rebound.close()
        await squatter.close()
    }

    @Test("a second stream of the same name, unknown music and a host name as remote are refused")
    func refusals() async throws {
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 4, group: group))
        _ = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: 9), source: .silence)
        await #expect(throws: MediaEngineError.duplicateStream("call")) {
            try await engine.startStream("call", negotiated: MediaFixtures.audio(to: 9), source: .silence)
        }
        await #expect(throws: MediaEngineError.unknownMusic("jazz")) {
            try await engine.startStream("other", negotiated: MediaFixtures.audio(to: 9), source: .music("jazz"))
        }
        await #expect(throws: MediaEngineError.unusableRemoteAddress("sbc.example.com", port: 9)) {
            try await engine.startStream("other", negotiated: MediaFixtures.audio(to: 9, address: "sbc.example.com"), source: .silence)
        }
        #expect(try await engine.portPool().allocatedCount == 1)
        #expect(try await engine.counters().streams == 1)
        try await engine.stopAll()
    }
}
