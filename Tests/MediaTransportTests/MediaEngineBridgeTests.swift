import Media
import MediaTransport
import NIOPosix
import Testing

@Suite("Media engine: anchored media")
struct MediaEngineBridgeTests {
    let group = MultiThreadedEventLoopGroup.singleton

    /// A PCMA packet of `sender` whose payload starts with `tag` (a ``MediaFixtures/tagged(_:frames:tag:)`` frame).
    private func tagged(_ tag: UInt8, _ sender: inout RTPSender) -> [UInt8] {
        sender.audioPacket([tag, 0, 0] + Array(repeating: 0xD5, count: 157)).serialized()
    }

    @Test("the whisper reaches the agent first; then each stream relays what the other receives, as its own continuation")
    func whisperThenRelay() async throws {
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        let caller = try await UDPProbe.bind(group: group)
        let agent = try await UDPProbe.bind(group: group)
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 50, tag: 1)])))
        let callerPort = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: caller.port), source: .music("moh"))
        var placeholder = MediaFixtures.audio(to: 0, address: "0.0.0.0")
        placeholder.payloadType = 8
        let agentPort = try await engine.startStream("call#agent-1", negotiated: placeholder, source: .silence)
        #expect(await eventually { caller.packets(from: callerPort).count >= 3 })
        #expect(agent.packets(from: agentPort).isEmpty, "nothing goes to the agent before its answer")

        var answer = MediaFixtures.audio(to: agent.port)
        answer.payloadType = 8
        answer.telephoneEventPayloadType = 100
        try await engine.connectingStream("call#agent-1", negotiated: answer).get()
        try await engine.bridging("call", "call#agent-1", whisper: [MediaFixtures.tagged("whisper", frames: 10, tag: 7)]).get()
        var fromCaller = RTPSender(payloadType: 98, ssrc: 0xCA11, sequenceNumber: 100, timestamp: 1_000)
        try await caller.send(tagged(9, &fromCaller), to: callerPort)
        #expect(await eventually { agent.packets(from: agentPort).count >= 10 })

        #expect(await eventually {
            try? await caller.send(tagged(9, &fromCaller), to: callerPort)
            return agent.packets(from: agentPort).contains { $0.payload[0] == 9 }
        })
        let toAgent = agent.packets(from: agentPort)
        let whisper = toAgent.filter { $0.payload[0] == 7 }
        #expect(whisper.map { MediaFixtures.origin(of: $0.payload).frame } == Array(0..<10))
        let firstRelayed = try #require(toAgent.firstIndex { $0.payload[0] == 9 })
        #expect(toAgent[..<firstRelayed].allSatisfy { $0.payload[0] == 7 }, "the whole whisper, then the caller")
        let relayed = toAgent[firstRelayed]
        #expect(relayed.header.ssrc == whisper[0].header.ssrc, "the agent's stream goes on under its own SSRC")
        #expect(relayed.header.sequenceNumber == whisper[9].header.sequenceNumber &+ 1)
        #expect(relayed.header.payloadType == 8, "the agent leg's payload type")
        #expect(relayed.header.marker)

        let musicSSRC = try #require(caller.packets(from: callerPort).first?.header.ssrc)
        var fromAgent = RTPSender(payloadType: 8, ssrc: 0xA6E7, sequenceNumber: 7, timestamp: 9)
        try await agent.send(tagged(5, &fromAgent), to: agentPort)
        try await agent.send(TelephoneEventSender.packets(for: try #require(DTMFDigit("1")), frames: 1, payloadType: 100,
                                                          sender: &fromAgent)[0].serialized(), to: agentPort)
        #expect(await eventually { caller.packets(from: callerPort).contains { $0.header.payloadType == 101 } })
        let toCaller = caller.packets(from: callerPort)
        let voice = try #require(toCaller.first { $0.payload.first == 5 && $0.header.payloadType == 98 })
        #expect(voice.header.ssrc == musicSSRC, "the caller's stream goes on under its own SSRC")
        #expect(toCaller.filter { $0.header.payloadType == 101 }.count == 1, "telephone-events pass, mapped to the caller's type")
        let counters = try #require(try await engine.counters(of: "call"))
        #expect(counters.packetsRelayed == 2)
        #expect(try await engine.counters().packetsRelayed >= 3)
        try await engine.stopAll()
        await caller.close()
        await agent.close()
    }
}
