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
}
