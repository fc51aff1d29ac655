extension RTPPacket {
    /// Reads a packet received from the wire, checking every length against the bytes present.
    /// Throws rather than traps on anything malformed: a wrong version, a header, CSRC list or
    /// extension longer than the packet, or a padding count of 0 or larger than what follows the header.
    public init(parsing bytes: some RandomAccessCollection<UInt8>) throws(RTPParseError) {
        let bytes = Array(bytes)
        guard bytes.count >= 12 else { throw RTPParseError.shorterThanHeader(bytes.count) }
        let version = bytes[0] >> 6
        guard version == RTPHeader.version else { throw RTPParseError.unsupportedVersion(version) }
        let hasPadding = bytes[0] & 0x20 != 0
        let hasExtension = bytes[0] & 0x10 != 0
        let csrcCount = Int(bytes[0] & 0x0F)
        var offset = 12
        guard bytes.count >= offset + 4 * csrcCount else { throw RTPParseError.truncatedCSRCList(csrcCount) }
        let csrcs = (0..<csrcCount).map { bytes.bigEndianUInt32(at: 12 + 4 * $0) }
        offset += 4 * csrcCount
        var headerExtension: RTPHeaderExtension?
        if hasExtension {
            guard bytes.count >= offset + 4 else { throw RTPParseError.truncatedExtension(words: nil) }
            let words = Int(bytes.bigEndianUInt16(at: offset + 2))
            guard bytes.count >= offset + 4 + 4 * words else { throw RTPParseError.truncatedExtension(words: words) }
            headerExtension = RTPHeaderExtension(profile: bytes.bigEndianUInt16(at: offset),
                                                 data: Array(bytes[(offset + 4)..<(offset + 4 + 4 * words)]))
            offset += 4 + 4 * words
        }
        var end = bytes.count
        var paddingCount: UInt8 = 0
        if hasPadding {
            paddingCount = bytes[end - 1]
            guard paddingCount > 0, Int(paddingCount) <= end - offset else { throw RTPParseError.invalidPadding(paddingCount) }
            end -= Int(paddingCount)
        }
        header = RTPHeader(marker: bytes[1] & 0x80 != 0, payloadType: bytes[1] & 0x7F,
                           sequenceNumber: bytes.bigEndianUInt16(at: 2), timestamp: bytes.bigEndianUInt32(at: 4),
                           ssrc: bytes.bigEndianUInt32(at: 8), csrcs: csrcs, headerExtension: headerExtension)
        payload = Array(bytes[offset..<end])
        self.paddingCount = paddingCount
    }
}

/// Why bytes received are not an RTP packet (RFC 3550 §5.1, and the validity checks of §A.1).
public enum RTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer bytes than the 12 of the fixed header.
    case shorterThanHeader(Int)
    /// A version other than 2.
    case unsupportedVersion(UInt8)
    /// The CSRC count announces more identifiers than the packet holds.
    case truncatedCSRCList(Int)
    /// The X bit is set but the extension header (nil words) or its data does not fit.
    case truncatedExtension(words: Int?)
    /// The P bit is set but the last octet counts 0 or more octets than follow the header.
    case invalidPadding(UInt8)

    /// What is wrong, for logs.
    public var description: String {
        switch self {
        case .shorterThanHeader(let count): "RTP packet of \(count) bytes is shorter than the 12-byte header"
        case .unsupportedVersion(let version): "RTP version \(version) is not 2"
        case .truncatedCSRCList(let count): "RTP packet too short for its \(count) CSRCs"
        case .truncatedExtension(words: nil): "RTP packet too short for its header extension"
        case .truncatedExtension(words: let words?): "RTP packet too short for its \(words)-word header extension"
        case .invalidPadding(let count): "RTP padding count \(count) does not fit the packet"
        }
    }
}

extension [UInt8] {
    /// The big-endian 16-bit value at `offset`; the caller has checked the bounds.
    func bigEndianUInt16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) << 8 | UInt16(self[offset + 1])
    }

    /// The big-endian 32-bit value at `offset`; the caller has checked the bounds.
    func bigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndianUInt16(at: offset)) << 16 | UInt32(bigEndianUInt16(at: offset + 2))
    }
}
