/// One RTP packet (RFC 3550 §5.1): header, payload and padding, written to and read from the wire.
public struct RTPPacket: Hashable, Sendable {
    /// The header.
    public var header: RTPHeader
    /// The payload: G.711 code words or a telephone-event.
    public var payload: [UInt8]
    /// The number of padding octets after the payload, counting the last one that holds the count;
    /// 0 means no padding (the P bit is clear).
    public var paddingCount: UInt8

    /// Creates a packet.
    public init(header: RTPHeader, payload: [UInt8], paddingCount: UInt8 = 0) {
        self.header = header
        self.payload = payload
        self.paddingCount = paddingCount
    }

    /// The packet's length on the wire.
    public var byteCount: Int { header.byteCount + payload.count + Int(paddingCount) }

    /// The packet in wire form.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(byteCount)
        append(to: &bytes)
        return bytes
    }

    /// Appends the packet in wire form to `buffer`, so a sender can reuse one buffer's capacity for
    /// every packet. At most 15 CSRCs are written; extension data is zero-filled to a 32-bit word.
    public func append(to buffer: inout [UInt8]) {
        let csrcs = header.csrcs.prefix(15)
        var first = RTPHeader.version << 6 | UInt8(csrcs.count)
        if paddingCount > 0 { first |= 0x20 }
        if header.headerExtension != nil { first |= 0x10 }
        buffer.append(first)
        buffer.append((header.marker ? 0x80 : 0) | header.payloadType & 0x7F)
        buffer.appendBigEndian(header.sequenceNumber)
        buffer.appendBigEndian(header.timestamp)
        buffer.appendBigEndian(header.ssrc)
        csrcs.forEach { buffer.appendBigEndian($0) }
        if let headerExtension = header.headerExtension {
            let words = (headerExtension.data.count + 3) / 4
            buffer.appendBigEndian(headerExtension.profile)
            buffer.appendBigEndian(UInt16(truncatingIfNeeded: words))
            buffer.append(contentsOf: headerExtension.data)
            buffer.append(contentsOf: repeatElement(0, count: words * 4 - headerExtension.data.count))
        }
        buffer.append(contentsOf: payload)
        if paddingCount > 0 {
            buffer.append(contentsOf: repeatElement(0, count: Int(paddingCount) - 1))
            buffer.append(paddingCount)
        }
    }
}

extension [UInt8] {
    /// Appends `value` in network byte order.
    mutating func appendBigEndian(_ value: some FixedWidthInteger) {
        let size = value.bitWidth / 8
        for index in (0..<size).reversed() {
            append(UInt8(truncatingIfNeeded: value >> (index * 8)))
        }
    }
}
