import NIOCore
import SRTP

extension MediaEngine {
    /// Protects in place the RTP packet written to the tick's buffer from `start` (RFC 3711 §3.3),
    /// appending its tag; false, the packet taken back out and counted, when libsrtp refuses it.
    func protectPacket(from start: Int, with context: SRTPContext) -> Bool {
        let length = tickBuffer.writerIndex - start
        let offset = start - tickBuffer.readerIndex
        tickBuffer.writeRepeatingByte(0, count: SRTPContext.maximumTrailerLength)
        let protected = tickBuffer.withUnsafeMutableReadableBytes { bytes -> Int? in
            let packet = UnsafeMutableRawBufferPointer(rebasing: bytes[offset...])
            return try? context.protect(in: packet, length: length)
        }
        tickBuffer.moveWriterIndex(to: start + (protected ?? 0))
        if protected == nil { totals.unprotectedDropped += 1 }
        return protected != nil
    }

    /// Protects in place an RTP packet of its own buffer (a relayed one), appending its tag; false, counted,
    /// when libsrtp refuses it.
    func protect(_ packet: inout ByteBuffer, with context: SRTPContext) -> Bool {
        let length = packet.readableBytes
        packet.writeRepeatingByte(0, count: SRTPContext.maximumTrailerLength)
        let protected = packet.withUnsafeMutableReadableBytes { try? context.protect(in: $0, length: length) }
        packet.moveWriterIndex(to: packet.readerIndex + (protected ?? 0))
        if protected == nil { totals.unprotectedDropped += 1 }
        return protected != nil
    }

    /// Unprotects a received SRTP packet in place, leaving the RTP packet readable; false when its tag
    /// does not authenticate it or it replays one already received (RFC 3711 §3.3.2).
    func unprotect(_ datagram: inout ByteBuffer, with context: SRTPContext) -> Bool {
        guard datagram.readableBytes > 0,
              let length = datagram.withUnsafeMutableReadableBytes({ try? context.unprotect(in: $0) }) else { return false }
        datagram.moveWriterIndex(to: datagram.readerIndex + length)
        return true
    }
}
