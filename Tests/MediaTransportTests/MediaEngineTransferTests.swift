import Media
import MediaTransport
import NIOPosix
import Testing

@Suite("Media engine: un-bridging and re-offers")
struct MediaEngineTransferTests {
    let group = MultiThreadedEventLoopGroup.singleton

    /// A PCMA packet of `sender` whose payload starts with `tag`.
    private func tagged(_ tag: UInt8, _ sender: inout RTPSender) -> [UInt8] {
        sender.audioPacket([tag, 0, 0] + Array(repeating: 0xD5, count: 157)).serialized()
    }

    @Test("an un-bridged stream plays its music again as the continuation of what it relayed")
    func unbridgedStreamPlaysMusicAgain() async throws {
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        let caller = try await UDPProbe.bind(group: group)
        let agent = try await UDPProbe.bind(group: group)
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 50, tag: 1)])))
        let callerPort = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: caller.port), source: .music("moh"))
        let agentPort = try await engine.startStream("call#agent-1", negotiated: MediaFixtures.audio(to: agent.port), source: .silence)
        #expect(await eventually { caller.packets(from: callerPort).count >= 3 })
        try await engine.bridging("call", "call#agent-1", whisper: []).get()

        var fromAgent = RTPSender(payloadType: 98, ssrc: 0xA6E7, sequenceNumber: 7, timestamp: 9)
        #expect(await eventually {
            try? await agent.send(tagged(5, &fromAgent), to: agentPort)
            return caller.packets(from: callerPort).contains { $0.payload[0] == 5 }
        })
        try await engine.stopStream("call#agent-1")
        try await engine.unbridgingStream("call").get()
        let heard = caller.packets(from: callerPort).count
        #expect(await eventually { caller.packets(from: callerPort).dropFirst(heard).filter { $0.payload[0] == 1 }.count >= 3 },
                "the music again")

        let toCaller = caller.packets(from: callerPort)
        let lastRelayed = try #require(toCaller.lastIndex { $0.payload[0] == 5 })
        let resumed = try #require(toCaller[lastRelayed...].first { $0.payload[0] == 1 })
        #expect(resumed.header.ssrc == toCaller[0].header.ssrc, "the caller's one SSRC all along")
        #expect(resumed.header.sequenceNumber == toCaller[lastRelayed].header.sequenceNumber &+ 1, "no gap in the sequence numbers")
        #expect(resumed.header.marker, "a new talkspurt")
        #expect(try await engine.counters(of: "call")?.packetsRelayed ?? 0 > 0)
        try await engine.stopAll()
        await caller.close()
        await agent.close()
    }

    @Test("a stream moved by a re-offer sends to the new remote, with the new payload type, under the same SSRC")
    func redirectedStreamFollowsTheNewRemote() async throws {
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 4, group: group))
        let first = try await UDPProbe.bind(group: group)
        let second = try await UDPProbe.bind(group: group)
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 50, tag: 1)])))
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: first.port), source: .music("moh"))
        #expect(await eventually { first.packets(from: port).count >= 3 })

        var moved = MediaFixtures.audio(to: second.port)
        moved.payloadType = 8
        try await engine.redirectingStream("call", negotiated: moved).get()
        #expect(await eventually { second.packets(from: port).count >= 3 })
        let after = second.packets(from: port)
        let lastBeforeMove = after[0].header.sequenceNumber &- 1
        #expect(await eventually { first.packets(from: port).contains { $0.header.sequenceNumber == lastBeforeMove } },
                "no gap: the old remote got the packet just before the new remote's first (its probe may read late)")
        let before = first.packets(from: port)
        #expect(after[0].header.ssrc == before[0].header.ssrc)
        #expect(after.allSatisfy { $0.header.payloadType == 8 })
        try await Task.sleep(for: .milliseconds(100))
        let firstMoved = after[0].header.sequenceNumber
        #expect(first.packets(from: port).allSatisfy { Int16(bitPattern: $0.header.sequenceNumber &- firstMoved) < 0 },
                "nothing more to the old remote (a packet still unread there was sent before the move)")

        var held = moved
        held.direction = .recvonly
        try await engine.redirectingStream("call", negotiated: held).get()
        let sentBeforeHold = try await engine.counters(of: "call")?.packetsSent
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await engine.counters(of: "call")?.packetsSent == sentBeforeHold, "a stream put on hold sends nothing")
        let heard = second.packets(from: port).count
        try await engine.redirectingStream("call", negotiated: moved).get()
        #expect(await eventually { second.packets(from: port).count >= heard + 5 }, "and sends again once resumed")
        try await engine.stopAll()
        await first.close()
        await second.close()
    }
}
