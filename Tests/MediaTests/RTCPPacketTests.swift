import Media
import Testing

/// RTCP compound packets (RFC 3550 §6.4–§6.6) against bytes built by hand from the RFC's layouts.
@Suite("RTCP packets")
struct RTCPPacketTests {
    static let ssrc: UInt32 = 0x1234_5678

    /// SR: V=2, RC=0, PT=200, length 6; SSRC; NTP 0xE9A1B2C3.80000000; RTP 123,456; 250 packets; 40,000 octets.
    static let senderReportBytes: [UInt8] = [
        0x80, 0xC8, 0x00, 0x06, 0x12, 0x34, 0x56, 0x78, 0xE9, 0xA1, 0xB2, 0xC3, 0x80, 0x00, 0x00, 0x00,
        0x00, 0x01, 0xE2, 0x40, 0x00, 0x00, 0x00, 0xFA, 0x00, 0x00, 0x9C, 0x40,
    ]
    /// SDES: V=2, SC=1, PT=202, length 3; the chunk: SSRC, CNAME (1) of 3 octets "abc", the null item, padding.
    static let descriptionBytes: [UInt8] = [
        0x81, 0xCA, 0x00, 0x03, 0x12, 0x34, 0x56, 0x78, 0x01, 0x03, 0x61, 0x62, 0x63, 0x00, 0x00, 0x00,
    ]
    /// BYE: V=2, SC=1, PT=203, length 1; the SSRC.
    static let goodbyeBytes: [UInt8] = [0x81, 0xCB, 0x00, 0x01, 0x12, 0x34, 0x56, 0x78]

    static let senderReport = RTCPPacket.senderReport(RTCPSenderReport(
        ssrc: ssrc, ntpTimestamp: NTPTimestamp(seconds: 0xE9A1_B2C3, fraction: 0x8000_0000), rtpTimestamp: 123_456,
        packetCount: 250, octetCount: 40_000))
    static let description = RTCPPacket.sourceDescription([RTCPSourceDescriptionChunk(source: ssrc, items: [.canonicalName("abc")])])

    @Test("SR, SDES and BYE are written as the RFC lays them out, and read back")
    func compound() throws {
        let packets = [Self.senderReport, Self.description, .goodbye(RTCPGoodbye(sources: [Self.ssrc]))]
        let bytes = Self.senderReportBytes + Self.descriptionBytes + Self.goodbyeBytes
        #expect(RTCPPacket.compound(packets) == bytes)
        #expect(try RTCPPacket.parseCompound(bytes) == packets)
    }

    @Test("a CNAME's chunk ends with one to four null octets, to the next 32-bit word")
    func chunkPadding() throws {
        let expected: [String: [UInt8]] = [
            "ab": [0x01, 0x02, 0x61, 0x62, 0x00, 0x00, 0x00, 0x00],
            "abcd": [0x01, 0x04, 0x61, 0x62, 0x63, 0x64, 0x00, 0x00],
            "abcdef": [0x01, 0x06, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x00, 0x00, 0x00, 0x00],
        ]
        for (name, items) in expected {
            let packet = RTCPPacket.sourceDescription([RTCPSourceDescriptionChunk(source: Self.ssrc, items: [.canonicalName(name)])])
            let words = UInt8((8 + items.count) / 4 - 1)
            let bytes = [0x81, 0xCA, 0x00, words, 0x12, 0x34, 0x56, 0x78] + items
            #expect(RTCPPacket.compound([packet]) == bytes, "\(name)")
            #expect(try RTCPPacket.parseCompound(Self.senderReportBytes + bytes) == [Self.senderReport, packet])
        }
    }

    @Test("an RR with a report block (negative cumulative loss) and a BYE with a reason")
    func receiverReportAndReason() throws {
        let block = RTCPReportBlock(ssrc: 0x0BAD_F00D, fractionLost: 0x40, cumulativeLost: -2, highestSequenceNumber: 0x0002_0010,
                                    jitter: 0x20, lastSenderReport: 0xB2C3_8000, delaySinceLastSenderReport: 0x0001_8000)
        let packets: [RTCPPacket] = [.receiverReport(RTCPReceiverReport(ssrc: 0xCAFE_BABE, reportBlocks: [block])),
                                     .goodbye(RTCPGoodbye(sources: [0xCAFE_BABE], reason: Array("gone".utf8)))]
        let bytes: [UInt8] = [
            0x81, 0xC9, 0x00, 0x07, 0xCA, 0xFE, 0xBA, 0xBE, 0x0B, 0xAD, 0xF0, 0x0D, 0x40, 0xFF, 0xFF, 0xFE,
            0x00, 0x02, 0x00, 0x10, 0x00, 0x00, 0x00, 0x20, 0xB2, 0xC3, 0x80, 0x00, 0x00, 0x01, 0x80, 0x00,
            0x81, 0xCB, 0x00, 0x03, 0xCA, 0xFE, 0xBA, 0xBE, 0x04, 0x67, 0x6F, 0x6E, 0x65, 0x00, 0x00, 0x00,
        ]
        #expect(RTCPPacket.compound(packets) == bytes)
        #expect(try RTCPPacket.parseCompound(bytes) == packets)
    }

    @Test("padding on the last packet is read past; other packet types are kept as they are")
    func paddingAndOtherTypes() throws {
        let bytes: [UInt8] = [0x80, 0xC9, 0x00, 0x01, 0xCA, 0xFE, 0xBA, 0xBE,
                              0x85, 0xCC, 0x00, 0x01, 0x6E, 0x61, 0x6D, 0x65,
                              0xA0, 0xCA, 0x00, 0x01, 0x00, 0x00, 0x00, 0x04]
        #expect(try RTCPPacket.parseCompound(bytes) == [
            .receiverReport(RTCPReceiverReport(ssrc: 0xCAFE_BABE)), .other(type: 204, count: 5, body: Array("name".utf8)),
            .sourceDescription([]),
        ])
    }

    @Test("the checks of RFC 3550 §A.2: version, report first, padding last, lengths; never a trap")
    func invalid() {
        var wrongVersion = Self.senderReportBytes
        wrongVersion[0] = 0x40
        #expect(throws: RTCPParseError.unsupportedVersion(1)) { try RTCPPacket.parseCompound(wrongVersion) }
        #expect(throws: RTCPParseError.notAReportFirst(202)) { try RTCPPacket.parseCompound(Self.descriptionBytes) }
        var paddedFirst = Self.senderReportBytes
        paddedFirst[0] |= 0x20
        #expect(throws: RTCPParseError.paddingNotLast) { try RTCPPacket.parseCompound(paddedFirst + Self.goodbyeBytes) }
        let shortGoodbye: [UInt8] = [0x81, 0xCB, 0x00, 0x02, 0, 0, 0, 1]
        #expect(throws: RTCPParseError.truncated(at: 28)) { try RTCPPacket.parseCompound(Self.senderReportBytes + shortGoodbye) }
        var longItem = Self.descriptionBytes
        longItem[9] = 9
        #expect(throws: RTCPParseError.malformed(type: 202)) { try RTCPPacket.parseCompound(Self.senderReportBytes + longItem) }
        #expect(throws: RTCPParseError.truncated(at: 0)) { try RTCPPacket.parseCompound([UInt8]()) }
        let whole = Self.senderReportBytes + Self.descriptionBytes + Self.goodbyeBytes
        for length in 0..<whole.count where length % 4 != 0 || length < 28 {
            #expect(throws: RTCPParseError.self) { try RTCPPacket.parseCompound(whole.prefix(length)) }
        }
    }

    @Test("NTP timestamps: seconds since 1900, the fraction in 2^-32 s, the middle 32 bits")
    func ntp() {
        #expect(NTPTimestamp(sinceUnixEpoch: .zero) == NTPTimestamp(seconds: 0x83AA_7E80, fraction: 0))
        let later = NTPTimestamp(sinceUnixEpoch: .milliseconds(1_500))
        #expect(later == NTPTimestamp(seconds: 0x83AA_7E81, fraction: 0x8000_0000))
        #expect(later.rawValue == 0x83AA_7E81_8000_0000)
        #expect(later.middleBits == 0x7E81_8000)
        #expect(NTPTimestamp(sinceUnixEpoch: .milliseconds(250)).fraction == 0x4000_0000)
    }
}
