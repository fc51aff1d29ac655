extension RTCPPacket {
    /// Reads a compound packet received from the wire with the validity checks of RFC 3550 §A.2:
    /// every packet of version 2, the first an SR or RR, padding only on the last, and the packets'
    /// lengths adding up to the datagram's. Throws rather than traps on anything malformed, including a
    /// report, chunk or item longer than its packet.
    public static func parseCompound(_ bytes: some RandomAccessCollection<UInt8>) throws(RTCPParseError) -> [RTCPPacket] {
        let bytes = Array(bytes)
        var packets: [RTCPPacket] = []
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= 4 else { throw .truncated(at: offset) }
            let version = bytes[offset] >> 6
            guard version == RTPHeader.version else { throw .unsupportedVersion(version) }
            let type = bytes[offset + 1]
            if offset == 0, type != PacketType.senderReport, type != PacketType.receiverReport { throw .notAReportFirst(type) }
            let end = offset + 4 + 4 * Int(bytes.bigEndianUInt16(at: offset + 2))
            guard end <= bytes.count else { throw .truncated(at: offset) }
            var bodyEnd = end
            if bytes[offset] & 0x20 != 0 {
                guard end == bytes.count else { throw .paddingNotLast }
                let padding = Int(bytes[end - 1])
                guard padding > 0, padding <= end - offset - 4 else { throw .invalidPadding(UInt8(padding)) }
                bodyEnd -= padding
            }
            var body = RTCPBodyReader(bytes: bytes, offset: offset + 4, end: bodyEnd, type: type)
            packets.append(try body.packet(count: bytes[offset] & 0x1F))
            offset = end
        }
        guard !packets.isEmpty else { throw .truncated(at: 0) }
        return packets
    }
}

/// Why a datagram is not a valid RTCP compound packet (RFC 3550 §A.2).
public enum RTCPParseError: Error, Hashable, Sendable {
    /// A packet's header or length runs past the datagram, or the datagram is empty.
    case truncated(at: Int)
    /// A packet of another version than 2.
    case unsupportedVersion(UInt8)
    /// The first packet is not an SR or an RR.
    case notAReportFirst(UInt8)
    /// A packet other than the last has the padding bit set.
    case paddingNotLast
    /// A padding count of 0 or longer than the packet's body.
    case invalidPadding(UInt8)
    /// A report, SDES chunk or item, or BYE reason runs past its packet (the packet type).
    case malformed(type: UInt8)
}

/// Reads one packet's body, every read checked against the packet's end.
private struct RTCPBodyReader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int
    let type: UInt8

    mutating func packet(count: UInt8) throws(RTCPParseError) -> RTCPPacket {
        switch type {
        case RTCPPacket.PacketType.senderReport:
            let ssrc = try word()
            let ntp = NTPTimestamp(seconds: try word(), fraction: try word())
            let (rtp, packets, octets) = (try word(), try word(), try word())
            return .senderReport(RTCPSenderReport(ssrc: ssrc, ntpTimestamp: ntp, rtpTimestamp: rtp, packetCount: packets,
                                                  octetCount: octets, reportBlocks: try blocks(count)))
        case RTCPPacket.PacketType.receiverReport:
            let ssrc = try word()
            return .receiverReport(RTCPReceiverReport(ssrc: ssrc, reportBlocks: try blocks(count)))
        case RTCPPacket.PacketType.sourceDescription:
            return .sourceDescription(try (0..<count).map { (_: UInt8) throws(RTCPParseError) in try chunk() })
        case RTCPPacket.PacketType.goodbye:
            let sources = try (0..<count).map { (_: UInt8) throws(RTCPParseError) in try word() }
            var reason: [UInt8] = []
            if offset < end {
                let length = Int(try byte())
                reason = try octets(length)
            }
            return .goodbye(RTCPGoodbye(sources: sources, reason: reason))
        default:
            return .other(type: type, count: count, body: Array(bytes[offset..<end]))
        }
    }

    private mutating func blocks(_ count: UInt8) throws(RTCPParseError) -> [RTCPReportBlock] {
        try (0..<count).map { (_: UInt8) throws(RTCPParseError) in
            let ssrc = try word()
            let lost = try word()
            let cumulative = Int32(bitPattern: lost << 8) >> 8
            return RTCPReportBlock(ssrc: ssrc, fractionLost: UInt8(lost >> 24), cumulativeLost: cumulative,
                                   highestSequenceNumber: try word(), jitter: try word(), lastSenderReport: try word(),
                                   delaySinceLastSenderReport: try word())
        }
    }

    /// One SDES chunk: its source, items up to the null type, then null octets to the next word.
    private mutating func chunk() throws(RTCPParseError) -> RTCPSourceDescriptionChunk {
        let source = try word()
        var items: [RTCPSourceDescriptionItem] = []
        while true {
            let itemType = try byte()
            if itemType == 0 { break }
            let length = Int(try byte())
            items.append(RTCPSourceDescriptionItem(type: itemType, value: try octets(length)))
        }
        _ = try octets((4 - offset % 4) % 4)
        return RTCPSourceDescriptionChunk(source: source, items: items)
    }

    private mutating func word() throws(RTCPParseError) -> UInt32 {
        guard end - offset >= 4 else { throw .malformed(type: type) }
        defer { offset += 4 }
        return bytes.bigEndianUInt32(at: offset)
    }

    private mutating func byte() throws(RTCPParseError) -> UInt8 {
        guard offset < end else { throw .malformed(type: type) }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func octets(_ count: Int) throws(RTCPParseError) -> [UInt8] {
        guard end - offset >= count else { throw .malformed(type: type) }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}
