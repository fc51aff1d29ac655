import Media
import SwitchboardTestKit
import Testing

/// RTP packets (RFC 3550 §5.1): exact wire bytes, round trips of every optional part, and malformed
/// input refused with a reason instead of a trap.
@Suite("RTP packets")
struct RTPPacketTests {
    static let header = RTPHeader(marker: true, payloadType: 8, sequenceNumber: 0x1234, timestamp: 0xDEAD_BEEF, ssrc: 0x0102_0304)

    @Test("the fixed header in wire form")
    func wireForm() {
        let bytes = RTPPacket(header: Self.header, payload: [0xD5, 0xD5]).serialized()
        #expect(bytes == [0x80, 0x88, 0x12, 0x34, 0xDE, 0xAD, 0xBE, 0xEF, 0x01, 0x02, 0x03, 0x04, 0xD5, 0xD5])
    }

    @Test("CSRCs, extension and padding survive a round trip")
    func roundTrip() throws {
        var header = Self.header
        header.csrcs = [7, 0xFFFF_FFFF]
        header.headerExtension = RTPHeaderExtension(profile: 0xBEDE, data: [1, 2, 3, 4, 5, 6, 7, 8])
        let packet = RTPPacket(header: header, payload: Array(0..<160), paddingCount: 4)
        let bytes = packet.serialized()
        #expect(bytes.count == packet.byteCount && bytes.count == 12 + 8 + 12 + 160 + 4)
        #expect(bytes[0] == 0xB2)
        #expect(bytes.suffix(4) == [0, 0, 0, 4])
        #expect(try RTPPacket(parsing: bytes) == packet)
    }

    @Test("appending reuses the caller's buffer")
    func appending() throws {
        var buffer: [UInt8] = [0xAA]
        RTPPacket(header: Self.header, payload: [1]).append(to: &buffer)
        #expect(buffer.first == 0xAA)
        #expect(try RTPPacket(parsing: buffer.dropFirst()).payload == [1])
    }

    @Test("an extension shorter than a word is zero-filled")
    func extensionFill() throws {
        var header = Self.header
        header.headerExtension = RTPHeaderExtension(profile: 1, data: [9])
        let parsed = try RTPPacket(parsing: RTPPacket(header: header, payload: []).serialized())
        #expect(parsed.header.headerExtension == RTPHeaderExtension(profile: 1, data: [9, 0, 0, 0]))
    }

    static let malformed: [([UInt8], RTPParseError)] = [
        ([0x80, 0x00, 0, 1], .shorterThanHeader(4)),
        ([0x40, 0x00] + Array(repeating: 0, count: 10), .unsupportedVersion(1)),
        ([0x82, 0x00] + Array(repeating: 0, count: 14), .truncatedCSRCList(2)),
        ([0x90, 0x00] + Array(repeating: 0, count: 12), .truncatedExtension(words: nil)),
        ([0x90, 0x00] + Array(repeating: 0, count: 10) + [0, 0, 0, 2, 1, 2, 3, 4], .truncatedExtension(words: 2)),
        ([0xA0, 0x00] + Array(repeating: 0, count: 10) + [1, 2, 0], .invalidPadding(0)),
        ([0xA0, 0x00] + Array(repeating: 0, count: 10) + [1, 2, 4], .invalidPadding(4)),
    ]

    @Test("malformed packets are refused with their reason", arguments: malformed)
    func refused(bytes: [UInt8], reason: RTPParseError) {
        #expect(throws: reason) { try RTPPacket(parsing: bytes) }
    }

    @Test("padding may take the whole payload")
    func paddingOnly() throws {
        let packet = try RTPPacket(parsing: [0xA0, 0x00] + Array(repeating: 0, count: 10) + [0, 0, 3])
        #expect(packet.payload.isEmpty && packet.paddingCount == 3)
    }

    @Test("every prefix cut inside the header is refused; longer prefixes and random bytes parse or throw, never trap")
    func neverTraps() {
        var header = Self.header
        header.csrcs = [1, 2, 3]
        header.headerExtension = RTPHeaderExtension(profile: 1, data: [1, 2, 3, 4])
        let bytes = RTPPacket(header: header, payload: [1, 2, 3], paddingCount: 2).serialized()
        for length in 0..<header.byteCount {
            #expect(throws: RTPParseError.self) { try RTPPacket(parsing: bytes.prefix(length)) }
        }
        for length in header.byteCount...bytes.count {
            _ = try? RTPPacket(parsing: bytes.prefix(length))
        }
        var generator = SeededGenerator(seed: 3550)
        var parsed = 0
        for _ in 0..<2000 {
            var random = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if !random.isEmpty { random[0] = random[0] & 0x3F | 0x80 }
            if (try? RTPPacket(parsing: random)) != nil { parsed += 1 }
        }
        #expect(parsed > 0)
    }
}
