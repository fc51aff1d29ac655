import Media
import MediaTransport
import NIOConcurrencyHelpers
import NIOPosix
import Testing

@Suite("Media engine: receiving")
struct MediaEngineReceiveTests {
    let group = MultiThreadedEventLoopGroup.singleton

    @Test("RFC 4733 packets sent to a stream's port yield each digit once; other payloads are counted")
    func digits() async throws {
        let digits = NIOLockedValueBox<[String]>([])
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group)) { id, digit in
            digits.withLockedValue { $0.append("\(id):\(digit)") }
        }
        let probe = try await UDPProbe.bind(group: group)
        let port = try await engine.startStream("caller", negotiated: MediaFixtures.audio(to: probe.port), source: .silence)
        var sender = RTPSender(payloadType: 8, ssrc: 0x1234, sequenceNumber: 65_530, timestamp: 4_000_000_000)
        var packets: [RTPPacket] = []
        packets += TelephoneEventSender.packets(for: try #require(DTMFDigit("5")), frames: 3, payloadType: 101, sender: &sender)
        packets.append(sender.audioPacket(Array(repeating: 0xD5, count: 160)))
        packets += TelephoneEventSender.packets(for: try #require(DTMFDigit("#")), frames: 1, payloadType: 101, sender: &sender)
        #expect(packets.filter { $0.header.payloadType == 101 && $0.payload[1] & 0x80 != 0 }.count == 6)
        for packet in packets { try await probe.send(packet.serialized(), to: port) }
        try await probe.send([0x80, 0x08], to: port)

        #expect(try await eventually { try await engine.counters(of: "caller")?.malformedReceived == 1 })
        let counters = try #require(try await engine.counters(of: "caller"))
        #expect(counters.packetsReceived == packets.count)
        #expect(counters.bytesReceived == packets.reduce(0) { $0 + $1.byteCount })
        #expect(counters.digitsReceived == 2)
        #expect(digits.withLockedValue { $0 } == ["caller:5", "caller:#"])
        #expect(counters.packetsSent == 0, "a silent stream sends nothing")
        let totals = try await engine.counters()
        #expect(totals.digitsReceived == 2)
        #expect(totals.packetsReceived == packets.count)
        #expect(totals.streams == 1)
        try await engine.stopAll()
        await probe.close()
    }

    @Test("a 0.0.0.0 remote, recvonly or inactive sends nothing while a sendrecv stream does")
    func directions() async throws {
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 5, tag: 1)])))
        let held = try await engine.startStream("held", negotiated: MediaFixtures.audio(to: probe.port, address: "0.0.0.0"), source: .music("moh"))
        let recvonly = try await engine.startStream("recvonly", negotiated: MediaFixtures.audio(to: probe.port, direction: .recvonly),
                                                    source: .music("moh"))
        let inactive = try await engine.startStream("inactive", negotiated: MediaFixtures.audio(to: probe.port, direction: .inactive),
                                                    source: .music("moh"))
        let talking = try await engine.startStream("talking", negotiated: MediaFixtures.audio(to: probe.port), source: .music("moh"))
        #expect(await eventually { probe.packets(from: talking).count >= 10 })
        for port in [held, recvonly, inactive] { #expect(probe.packets(from: port).isEmpty) }
        for id: MediaStreamID in ["held", "recvonly", "inactive"] {
            #expect(try await engine.counters(of: id)?.packetsSent == 0)
        }
        await #expect(throws: MediaEngineError.notSending("recvonly")) {
            try await engine.play("recvonly", prompts: [MediaFixtures.tagged("welcome", frames: 1, tag: 2)])
        }
        try await engine.stopAll()
        let sent = try await engine.counters().packetsSent
        #expect(await eventually { probe.packets(from: talking).count == sent }, "every packet sent came from the sendrecv stream")
        await probe.close()
    }
}
