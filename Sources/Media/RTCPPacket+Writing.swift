extension RTCPPacket {
    /// The bytes of a compound packet (RFC 3550 §6.1): the packets one after the other, each with its
    /// common header (version 2, no padding, its count, type and length in 32-bit words minus one).
    public static func compound(_ packets: [RTCPPacket]) -> [UInt8] {
        var bytes: [UInt8] = []
        for packet in packets { packet.write(into: &bytes) }
        return bytes
    }

    /// Appends the packet's bytes to `bytes`. Report blocks beyond 31 and sources beyond 31 are left out,
    /// the most the 5-bit count field can say.
    public func write(into bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: [0, 0, 0, 0])
        let (type, count) = writeBody(into: &bytes, start: start)
        let words = (bytes.count - start) / 4 - 1
        bytes[start] = RTPHeader.version << 6 | count
        bytes[start + 1] = type
        bytes[start + 2] = UInt8(truncatingIfNeeded: words >> 8)
        bytes[start + 3] = UInt8(truncatingIfNeeded: words)
    }

    /// Writes what follows the common header; returns the packet type and the count field.
    private func writeBody(into bytes: inout [UInt8], start: Int) -> (type: UInt8, count: UInt8) {
        switch self {
        case .senderReport(let report):
            bytes.appendBigEndian(report.ssrc)
            bytes.appendBigEndian(report.ntpTimestamp.seconds)
            bytes.appendBigEndian(report.ntpTimestamp.fraction)
            bytes.appendBigEndian(report.rtpTimestamp)
            bytes.appendBigEndian(report.packetCount)
            bytes.appendBigEndian(report.octetCount)
            return (PacketType.senderReport, Self.write(report.reportBlocks, into: &bytes))
        case .receiverReport(let report):
            bytes.appendBigEndian(report.ssrc)
            return (PacketType.receiverReport, Self.write(report.reportBlocks, into: &bytes))
        case .sourceDescription(let chunks):
            for chunk in chunks.prefix(31) {
                bytes.appendBigEndian(chunk.source)
                for item in chunk.items {
                    bytes.append(item.type)
                    bytes.append(UInt8(item.value.count))
                    bytes.append(contentsOf: item.value)
                }
                bytes.append(0)
                bytes.padToWord(from: start)
            }
            return (PacketType.sourceDescription, UInt8(min(chunks.count, 31)))
        case .goodbye(let goodbye):
            for source in goodbye.sources.prefix(31) { bytes.appendBigEndian(source) }
            if !goodbye.reason.isEmpty {
                bytes.append(UInt8(goodbye.reason.count))
                bytes.append(contentsOf: goodbye.reason)
                bytes.padToWord(from: start)
            }
            return (PacketType.goodbye, UInt8(min(goodbye.sources.count, 31)))
        case .other(let type, let count, let body):
            bytes.append(contentsOf: body)
            bytes.padToWord(from: start)
            return (type, count & 0x1F)
        }
    }

    private static func write(_ blocks: [RTCPReportBlock], into bytes: inout [UInt8]) -> UInt8 {
        for block in blocks.prefix(31) {
            bytes.appendBigEndian(block.ssrc)
            bytes.appendBigEndian(UInt32(block.fractionLost) << 24 | UInt32(bitPattern: block.cumulativeLost) & 0xFF_FFFF)
            bytes.appendBigEndian(block.highestSequenceNumber)
            bytes.appendBigEndian(block.jitter)
            bytes.appendBigEndian(block.lastSenderReport)
            bytes.appendBigEndian(block.delaySinceLastSenderReport)
        }
        return UInt8(min(blocks.count, 31))
    }
}

extension [UInt8] {
    /// Appends null octets until the bytes from `start` are a whole number of 32-bit words.
    mutating func padToWord(from start: Int) {
        append(contentsOf: repeatElement(0, count: (4 - (count - start) % 4) % 4))
    }
}
