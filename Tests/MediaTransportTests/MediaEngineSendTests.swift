import Media
import MediaTransport
import NIOPosix
import Testing

@Suite("Media engine: sending")
struct MediaEngineSendTests {
    let group = MultiThreadedEventLoopGroup.singleton

    @Test("a stream sends its prompts' frames, then the music's, +1 sequence and +160 timestamp per packet")
    func promptsThenMusic() async throws {
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 3, tag: 0xA0)])))
        let prompts = [MediaFixtures.tagged("welcome", frames: 2, tag: 0x10), MediaFixtures.tagged("please-hold", frames: 1, tag: 0x20)]
        let port = try await engine.startStream("call-1", negotiated: MediaFixtures.audio(to: probe.port),
                                                source: .prompts(prompts, thenMusic: "moh"))
        #expect(await eventually { probe.packets(from: port).count >= 12 })
        let packets = Array(probe.packets(from: port).prefix(12))
        try #require(packets.count == 12)
        let first = packets[0].header
        // A tick more than three frames late (a stalled test machine) skips frames: the timestamp then
        // jumps by whole frames and the marker is set, as RFC 3551 §4.1 asks; every frame sent is
        // still placed by its grid boundary.
        let boundaries = packets.map { Int($0.header.timestamp &- first.timestamp) / 160 }
        for (index, packet) in packets.enumerated() {
            #expect(packet.header.payloadType == 98)
            #expect(packet.header.ssrc == first.ssrc)
            #expect(packet.header.sequenceNumber == first.sequenceNumber &+ UInt16(index))
            #expect((packet.header.timestamp &- first.timestamp) % 160 == 0)
            #expect(packet.header.marker == (index == 0 || boundaries[index] - boundaries[index - 1] > 1))
            #expect(packet.payload.count == 160)
        }
        let origins = packets.map { MediaFixtures.origin(of: $0.payload) }
        if boundaries == Array(0..<12) {
            #expect(origins.prefix(3).map(\.tag) == [0x10, 0x10, 0x20])
            #expect(origins.prefix(2).map(\.frame) == [0, 1])
            #expect(origins.dropFirst(3).allSatisfy { $0.tag == 0xA0 })
        }
        for index in origins.indices where origins[index].tag == 0xA0 {
            // The loop started with this stream, so at its boundary `k` it is at frame k % 3.
            #expect(origins[index].frame == boundaries[index] % 3)
        }
        try await engine.stopAll()
        await probe.close()
    }

    @Test("two listeners of one music loop send the same frame at the same grid boundary")
    func sharedLoop() async throws {
        let probe = try await UDPProbe.bind(group: group)
        // One phase: both listeners are due at the same ticks, so their packets of a period are adjacent.
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group), phases: 1)
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 400, tag: 0xB0)])))
        let first = try await engine.startStream("a", negotiated: MediaFixtures.audio(to: probe.port), source: .music("moh"))
        #expect(await eventually { probe.packets(from: first).count >= 5 })
        let second = try await engine.startStream("b", negotiated: MediaFixtures.audio(to: probe.port), source: .music("moh"))
        #expect(await eventually { probe.packets(from: second).count >= 40 })
        try await engine.stopAll()

        // Each tick writes the first listener's packets, then the second's, the last of each being the
        // tick's last boundary: so the first listener's packet just before a run of the second's
        // carries the frame of that run's last packet. A run is judged only when neither listener's
        // next packet shows a gap in its sequence numbers: the probe's socket drops what it cannot
        // hold while the test process waits for a core, and a packet lost at the end of a tick moves
        // the run's end, or the packet before it, to an earlier boundary.
        let arrivals = probe.received.filter { $0.sourcePort == first || $0.sourcePort == second }
        let start = try #require(arrivals.firstIndex { $0.sourcePort == second })
        #expect(start >= 5)
        var runs = 0
        var index = start
        while index < arrivals.count {
            guard arrivals[index].sourcePort == second else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < arrivals.count, arrivals[end + 1].sourcePort == second { end += 1 }
            let previous = arrivals[index - 1].packet
            let later = arrivals[(end + 1)...]
            let nextFirst = later.first { $0.sourcePort == first }?.packet.header.sequenceNumber
            let nextSecond = later.first { $0.sourcePort == second }?.packet.header.sequenceNumber
            if nextFirst == previous.header.sequenceNumber &+ 1,
               nextSecond == arrivals[end].packet.header.sequenceNumber &+ 1 {
                #expect(previous.payload == arrivals[end].packet.payload)
                runs += 1
            }
            index = end + 1
        }
        #expect(runs >= 6, "40 packets, at most three frames a tick (the catch-up limit), a run judged when nothing around it was lost")
        let joined = MediaFixtures.origin(of: try #require(probe.packets(from: second).first).payload)
        #expect(joined.frame >= 4, "the second listener joins the loop where it is, not at its start")
        await probe.close()
    }

    @Test("prompts played to a listener go in front of the music, which resumes at the loop's position")
    func playInFrontOfMusic() async throws {
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 400, tag: 0xC0)])))
        let port = try await engine.startStream("call", negotiated: MediaFixtures.audio(to: probe.port), source: .music("moh"))
        #expect(await eventually { probe.packets(from: port).count >= 3 })
        try await engine.play("call", prompts: [MediaFixtures.tagged("position", frames: 4, tag: 0x30)])
        #expect(await eventually {
            probe.packets(from: port).count >= 3 && probe.packets(from: port).suffix(3).allSatisfy { $0.payload[0] == 0xC0 }
                && probe.packets(from: port).contains { $0.payload[0] == 0x30 }
        })
        try await engine.stopAll()
        let packets = probe.packets(from: port)
        let firstTimestamp = try #require(packets.first).header.timestamp
        let announced = packets.enumerated().filter { $0.element.payload[0] == 0x30 }.map(\.offset)
        #expect(announced.count == 4)
        #expect(announced == Array((announced.first ?? 0)..<((announced.first ?? 0) + 4)))
        for packet in packets where packet.payload[0] == 0xC0 {
            let boundary = Int((packet.header.timestamp &- firstTimestamp) / 160)
            #expect(MediaFixtures.origin(of: packet.payload).frame == boundary % 400)
        }
        await #expect(throws: MediaEngineError.unknownStream("gone")) { try await engine.play("gone", prompts: []) }
    }
}
