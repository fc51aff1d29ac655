import Media
import NIOCore

extension ByteBuffer {
    /// Writes the fixed 12-byte RTP header of `header` (RFC 3550 §5.1): version 2, no padding, no
    /// extension, no CSRC, which is what an ``RTPSender`` builds.
    mutating func writeRTPFixedHeader(_ header: RTPHeader) {
        writeInteger(RTPHeader.version << 6)
        writeInteger((header.marker ? 0x80 : 0) | header.payloadType & 0x7F)
        writeInteger(header.sequenceNumber)
        writeInteger(header.timestamp)
        writeInteger(header.ssrc)
    }
}
