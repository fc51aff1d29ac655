import NIOCore

/// Frames SIP messages on a TCP or TLS connection as a NIO `ByteToMessageDecoder`: the same rules
/// as `SIPStreamFramer` (RFC 3261 §18.3 Content-Length framing, RFC 5626 keep-alives), read straight
/// from the connection's buffer. A framing error closes the connection.
struct SIPStreamDecoder: NIOSingleStepByteToMessageDecoder {
    typealias InboundOut = SIPStreamFramer.Frame

    /// The largest message accepted, headers and body.
    let maximumMessageSize: Int

    mutating func decode(buffer: inout ByteBuffer) throws -> SIPStreamFramer.Frame? {
        let maximum = maximumMessageSize
        let found = try buffer.withUnsafeReadableBytes { bytes in try SIPStreamFramer.scan(bytes, maximumMessageSize: maximum) }
        switch found {
        case .needMore(let skippable):
            buffer.moveReaderIndex(forwardBy: skippable)
            return nil
        case .keepAlivePing(let length):
            buffer.moveReaderIndex(forwardBy: length)
            return .keepAlivePing
        case .message(let offset, let length):
            buffer.moveReaderIndex(forwardBy: offset)
            return buffer.readBytes(length: length).map { .message($0) }
        }
    }

    mutating func decodeLast(buffer: inout ByteBuffer, seenEOF: Bool) throws -> SIPStreamFramer.Frame? {
        try decode(buffer: &buffer)
    }
}
