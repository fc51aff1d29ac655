import Media
import MediaTransport
import NIOConcurrencyHelpers
import NIOPosix
import SRTP
import Testing

/// A stream negotiated over SRTP: what it sends is protected with its own key, what it receives is
/// unprotected with the other side's, and packets that fail authentication are counted and dropped.
@Suite("Media engine: SRTP")
struct MediaEngineSRTPTests {
    let group = MultiThreadedEventLoopGroup.singleton

    static func secure(to port: Int, suite: SRTPSuite, sending: SRTPMasterKey, receiving: SRTPMasterKey) -> NegotiatedAudio {
        var audio = MediaFixtures.audio(to: port)
        audio.srtp = NegotiatedSRTP(suite: suite, tag: 1, sendingKey: sending, receivingKey: receiving)
        return audio
    }

    @Test("prompts go out encrypted and authenticated; the other side's context reads them in order", arguments: SRTPSuite.allCases)
    func sending(suite: SRTPSuite) async throws {
        let ours = SRTPMasterKey.random()
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        let port = try await engine.startStream("call", negotiated: Self.secure(to: probe.port, suite: suite, sending: ours, receiving: .random()),
                                                source: .prompts([MediaFixtures.tagged("welcome", frames: 8, tag: 0x33)], thenMusic: nil))
        #expect(await eventually { probe.packets(from: port).count >= 8 })
        try await engine.stopAll()
        let receiver = try SRTPContext(suite: suite, key: ours, direction: .inbound)
        let packets = try probe.packets(from: port).map { try RTPPacket(parsing: try receiver.unprotect($0.serialized())) }
        try #require(packets.count == 8)
        for (index, packet) in packets.enumerated() {
            #expect(packet.header.payloadType == 98)
            #expect(packet.header.sequenceNumber == packets[0].header.sequenceNumber &+ UInt16(index))
            #expect(packet.payload.count == 160)
            #expect(MediaFixtures.origin(of: packet.payload).tag == 0x33)
        }
        let wire = probe.packets(from: port)
        #expect(wire.allSatisfy { $0.payload.count == 160 + suite.tagLength })
        #expect(zip(wire, packets).allSatisfy { Array($0.payload.prefix(160)) != $1.payload }, "no payload goes out in clear")
    }

    @Test("protected telephone-events yield digits; a packet under another key or replayed is dropped and counted")
    func receiving() async throws {
        let theirs = SRTPMasterKey.random()
        let digits = NIOLockedValueBox<[String]>([])
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group)) { _, digit in
            digits.withLockedValue { $0.append("\(digit)") }
        }
        let probe = try await UDPProbe.bind(group: group)
        let port = try await engine.startStream("caller", negotiated: Self.secure(to: probe.port, suite: .aes128HMACSHA1Tag80, sending: .random(),
                                                                                  receiving: theirs), source: .silence)
        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: theirs, direction: .outbound)
        let stranger = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: .random(), direction: .outbound)
        var rtp = RTPSender(payloadType: 98, ssrc: 0x5151, sequenceNumber: 100, timestamp: 8_000)
        var plain: [[UInt8]] = []
        plain += TelephoneEventSender.packets(for: try #require(DTMFDigit("7")), frames: 2, payloadType: 101, sender: &rtp).map { $0.serialized() }
        plain += TelephoneEventSender.packets(for: try #require(DTMFDigit("*")), frames: 1, payloadType: 101, sender: &rtp).map { $0.serialized() }
        let protected = try plain.map { try sender.protect($0) }
        for packet in protected { try await probe.send(packet, to: port) }
        try await probe.send(protected[0], to: port)
        try await probe.send(try stranger.protect(rtp.audioPacket(Array(repeating: 0xD5, count: 160)).serialized()), to: port)
        try await probe.send(plain[0], to: port)

        #expect(try await eventually { try await engine.counters(of: "caller")?.unauthenticatedReceived == 3 })
        let counters = try #require(try await engine.counters(of: "caller"))
        #expect(counters.packetsReceived == protected.count)
        #expect(counters.digitsReceived == 2)
        #expect(digits.withLockedValue { $0 } == ["7", "*"])
        #expect(try await engine.counters().unauthenticatedReceived == 3)
        try await engine.stopAll()
        await probe.close()
    }

    @Test("anchored media bridges an SRTP caller and a plain agent: relayed packets are protected toward the caller, unprotected toward the agent")
    func relayBetweenSRTPAndRTP() async throws {
        let ours = SRTPMasterKey.random()
        let theirs = SRTPMasterKey.random()
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        let caller = try await UDPProbe.bind(group: group)
        let agent = try await UDPProbe.bind(group: group)
        let callerPort = try await engine.startStream("call", negotiated: Self.secure(to: caller.port, suite: .aes128HMACSHA1Tag80, sending: ours,
                                                                                      receiving: theirs), source: .silence)
        let agentPort = try await engine.startStream("call#agent-1", negotiated: MediaFixtures.audio(to: agent.port), source: .silence)
        try await engine.bridging("call", "call#agent-1", whisper: []).get()

        var fromAgent = RTPSender(payloadType: 98, ssrc: 0xA6E7, sequenceNumber: 7, timestamp: 9)
        let agentVoice = fromAgent.audioPacket([5, 0, 0] + Array(repeating: 0xD5, count: 157)).serialized()
        #expect(await eventually {
            try? await agent.send(agentVoice, to: agentPort)
            return !caller.packets(from: callerPort).isEmpty
        })
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: ours, direction: .inbound)
        let wire = try #require(caller.packets(from: callerPort).first)
        #expect(wire.payload.count == 160 + SRTPSuite.aes128HMACSHA1Tag80.tagLength, "sent with its authentication tag")
        let relayed = try RTPPacket(parsing: try receiver.unprotect(wire.serialized()))
        #expect(relayed.payload.first == 5, "the agent's voice, readable with the caller's key only")

        let sender = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: theirs, direction: .outbound)
        var fromCaller = RTPSender(payloadType: 98, ssrc: 0xCA11, sequenceNumber: 100, timestamp: 1_000)
        #expect(await eventually {
            try? await caller.send(try sender.protect(fromCaller.audioPacket([9, 0, 0] + Array(repeating: 0xD5, count: 157)).serialized()),
                                   to: callerPort)
            return agent.packets(from: agentPort).contains { $0.payload.first == 9 && $0.payload.count == 160 }
        }, "the caller's voice reaches the agent in clear RTP")
        try await engine.stopAll()
        await caller.close()
        await agent.close()
    }
}
