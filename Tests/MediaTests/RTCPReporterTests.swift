import Media
import SwitchboardTestKit
import Testing

/// One stream's RTCP reports: the randomized interval of RFC 3550 §6.2, SR or RR, SDES CNAME, BYE.
@Suite("RTCP reporter")
struct RTCPReporterTests {
    static func state(packets: Int, octets: Int = 0) -> RTCPReporter.SenderState {
        RTCPReporter.SenderState(ssrc: 0xABCD_0001, wallClock: NTPTimestamp(seconds: 0xE9A1_B2C3, fraction: 0x4000_0000),
                                 rtpTimestamp: 8_000, packetCount: packets, octetCount: octets)
    }

    @Test("reports come 2.5–7.5 s apart (5 s times 0.5–1.5), the first after 1.25–3.75 s")
    func interval() {
        var generator = SeededGenerator(seed: 3550)
        let firsts = (0..<1_000).map { _ in RTCPReporter(canonicalName: "x", now: .seconds(10), using: &generator).nextReport - .seconds(10) }
        let intervals = (0..<1_000).map { _ in RTCPReporter.interval(initial: false, using: &generator) }
        #expect(firsts.allSatisfy { $0 >= .milliseconds(1_250) && $0 <= .milliseconds(3_750) })
        #expect(intervals.allSatisfy { $0 >= .milliseconds(2_500) && $0 <= .milliseconds(7_500) })
        #expect(intervals.min()! < .seconds(3) && intervals.max()! > .seconds(7), "spread over the whole range")
        let mean = intervals.reduce(Duration.zero, +) / intervals.count
        #expect(mean > .milliseconds(4_800) && mean < .milliseconds(5_200))
    }

    @Test("an SR with the stream's counts and CNAME while it sends, an RR once it sent nothing for two reports")
    func senderOrReceiver() throws {
        var generator = SeededGenerator(seed: 1)
        var reporter = RTCPReporter(canonicalName: "cname", now: .zero, using: &generator)
        let chunk = RTCPPacket.sourceDescription([RTCPSourceDescriptionChunk(source: 0xABCD_0001, items: [.canonicalName("cname")])])
        let silent = try RTCPPacket.parseCompound(reporter.report(Self.state(packets: 0), now: .seconds(3), using: &generator))
        #expect(silent == [.receiverReport(RTCPReceiverReport(ssrc: 0xABCD_0001)), chunk])
        #expect(reporter.nextReport >= .milliseconds(5_500) && reporter.nextReport <= .milliseconds(10_500))

        let sent = Self.state(packets: 250, octets: 40_000)
        let sending = try RTCPPacket.parseCompound(reporter.report(sent, now: .seconds(8), using: &generator))
        let expected = RTCPSenderReport(ssrc: 0xABCD_0001, ntpTimestamp: sent.wallClock, rtpTimestamp: 8_000, packetCount: 250,
                                        octetCount: 40_000)
        #expect(sending == [.senderReport(expected), chunk])
        let stopped = try RTCPPacket.parseCompound(reporter.report(Self.state(packets: 250), now: .seconds(13), using: &generator))
        guard case .senderReport = stopped.first else {
            Issue.record("it sent during the interval before the last report: still an SR")
            return
        }
        let idle = try RTCPPacket.parseCompound(reporter.report(Self.state(packets: 250), now: .seconds(18), using: &generator))
        #expect(idle.first == .receiverReport(RTCPReceiverReport(ssrc: 0xABCD_0001)))
    }

    @Test("the goodbye is the report, the SDES, then a BYE of the stream's SSRC")
    func goodbye() throws {
        var generator = SeededGenerator(seed: 2)
        let reporter = RTCPReporter(canonicalName: "cname", now: .zero, using: &generator)
        let packets = try RTCPPacket.parseCompound(reporter.goodbye(Self.state(packets: 3, octets: 480)))
        #expect(packets.count == 3)
        #expect(packets.last == .goodbye(RTCPGoodbye(sources: [0xABCD_0001])))
        guard case .senderReport(let report) = packets.first else {
            Issue.record("a stream that sent ends with an SR")
            return
        }
        #expect(report.packetCount == 3 && report.octetCount == 480)
    }

    @Test("random CNAMEs: 96 bits in base64, 16 characters, a new one each time")
    func canonicalNames() {
        var generator = SeededGenerator(seed: 3)
        let names = (0..<50).map { _ in RTCPReporter.randomCanonicalName(using: &generator) }
        #expect(names.allSatisfy { $0.utf8.count == 16 && !$0.contains("=") })
        #expect(Set(names).count == 50)
    }
}
