import Media
import MediaTransport
import NIOPosix
import SRTP
import Testing

/// RTCP on each stream's RTCP port: sender reports with SDES CNAME while it sends, a BYE when it
/// stops, SRTCP on an SRTP stream; RTCP received is counted and dropped, RTP undisturbed.
@Suite("Media engine: RTCP")
struct MediaEngineRTCPTests {
    let group = MultiThreadedEventLoopGroup.singleton

    /// PCMA to `rtp`, its RTCP to `rtcp` (the SDP's `a=rtcp`).
    static func audio(rtp: Int, rtcp: Int) -> NegotiatedAudio {
        NegotiatedAudio(mediaIndex: 0, codec: .pcma, payloadType: 98, telephoneEventPayloadType: 101, remoteAddress: "127.0.0.1",
                        remotePort: rtp, direction: .sendrecv, rtcp: RTCPAttribute(port: rtcp))
    }

    @Test("an SR with the stream's SSRC, counts and a CNAME from its RTCP port, then SR, SDES and BYE when it stops")
    func reports() async throws {
        let media = try await UDPProbe.bind(group: group)
        let control = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 50, tag: 0xA0)])))
        let port = try await engine.startStream("call", negotiated: Self.audio(rtp: media.port, rtcp: control.port), source: .music("moh"))
        #expect(await eventually(within: 15) { !control.datagrams.isEmpty })
        try await engine.stopAll()
        #expect(await eventually { control.datagrams.count >= 2 })
        let arrivals = control.datagrams
        #expect(arrivals.allSatisfy { $0.sourcePort == port + 1 })
        let ssrc = try #require(media.packets(from: port).first).header.ssrc
        let first = try RTCPPacket.parseCompound(try #require(arrivals.first).bytes)
        guard case .senderReport(let report) = first.first, case .sourceDescription(let chunks) = first.last else {
            Issue.record("an SR then an SDES: \(first)")
            return
        }
        #expect(first.count == 2 && report.ssrc == ssrc && report.packetCount > 0)
        #expect(report.octetCount == report.packetCount * 160)
        #expect(chunks.count == 1 && chunks[0].source == ssrc && chunks[0].items.map(\.type) == [1])
        #expect(chunks[0].items.first?.value.count == 16)
        let last = try RTCPPacket.parseCompound(try #require(arrivals.last).bytes)
        #expect(last.last == .goodbye(RTCPGoodbye(sources: [ssrc])))
        guard case .senderReport(let final) = last.first else {
            Issue.record("the BYE comes after an SR")
            return
        }
        #expect(final.packetCount == UInt32(media.packets(from: port).count))
        await media.close()
        await control.close()
    }

    @Test("RTCP received on the RTCP port is counted and dropped, malformed datagrams apart, RTP undisturbed")
    func receiving() async throws {
        let probe = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        let port = try await engine.startStream("call", negotiated: Self.audio(rtp: 9, rtcp: probe.port).receiving, source: .silence)
        let report = RTCPPacket.compound([.receiverReport(RTCPReceiverReport(ssrc: 7)),
                                          .sourceDescription([RTCPSourceDescriptionChunk(source: 7, items: [.canonicalName("sbc")])])])
        try await probe.send(report, to: port + 1)
        try await probe.send(report, to: port + 1)
        try await probe.send([0x81, 0xCA, 0x00, 0x00], to: port + 1)
        #expect(try await eventually { try await engine.counters(of: "call")?.rtcpMalformedReceived == 1 })
        let counters = try #require(try await engine.counters(of: "call"))
        #expect(counters.rtcpReceived == 2)
        #expect(counters.packetsReceived == 0 && counters.malformedReceived == 0 && counters.rtcpSent == 0)
        try await engine.stopAll()
        #expect(probe.datagrams.isEmpty, "a stream that sends nothing sends no RTCP")
        await probe.close()
    }

    @Test("an SRTP stream sends SRTCP: the other side's context with the stream's key reads the reports")
    func secure() async throws {
        let ours = SRTPMasterKey.random()
        let media = try await UDPProbe.bind(group: group)
        let control = try await UDPProbe.bind(group: group)
        let engine = try MediaFixtures.engine(ports: try await freePortRange(pairs: 8, group: group))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [MediaFixtures.tagged("music", frames: 50, tag: 0xA0)])))
        var audio = Self.audio(rtp: media.port, rtcp: control.port)
        audio.srtp = NegotiatedSRTP(suite: .aes128HMACSHA1Tag80, tag: 1, sendingKey: ours, receivingKey: .random())
        _ = try await engine.startStream("call", negotiated: audio, source: .music("moh"))
        #expect(await eventually(within: 15) { !control.datagrams.isEmpty })
        try await engine.stopAll()
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: ours, direction: .inbound)
        let wire = try #require(control.datagrams.first).bytes
        let clear = try receiver.unprotectRTCP(wire)
        #expect(wire.count > clear.count && Array(wire[8..<clear.count]) != Array(clear[8...]), "encrypted past the SSRC")
        let packets = try RTCPPacket.parseCompound(clear)
        guard case .senderReport = packets.first else {
            Issue.record("an SR in SRTCP: \(packets)")
            return
        }
        await media.close()
        await control.close()
    }
}

extension NegotiatedAudio {
    /// The same stream, receive-only: nothing is sent to the other side.
    var receiving: NegotiatedAudio {
        var audio = self
        audio.direction = .recvonly
        return audio
    }
}
