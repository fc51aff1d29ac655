import NIOCore

/// What the framing decoder tells the handlers behind it besides frames.
enum SIPStreamEvent: Hashable, Sendable {
    /// The first bytes of a message arrived and the rest has not yet (fired once per message).
    case messageStarted
}

/// Frames SIP messages on a TCP or TLS connection as a NIO `ByteToMessageDecoder`: the same rules
/// as `SIPStreamFramer` (RFC 3261 §18.3 Content-Length framing, RFC 5626 keep-alives), read straight
/// from the connection's buffer. A framing error closes the connection. When it holds the start of
/// a message and waits for the rest it fires `SIPStreamEvent.messageStarted` down the pipeline.
struct SIPStreamDecoder: ByteToMessageDecoder {
    typealias InboundOut = SIPStreamFramer.Frame

    /// The largest message accepted, headers and body.
    let maximumMessageSize: Int
    private var holdsPartialMessage = false

    /// Creates a decoder that refuses messages larger than `maximumMessageSize` bytes.
    init(maximumMessageSize: Int) {
        self.maximumMessageSize = maximumMessageSize
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let frame = try decode(buffer: &buffer) {
            holdsPartialMessage = false
            context.fireChannelRead(wrapInboundOut(frame))
            return .continue
        }
        let started = buffer.readableBytesView.first.map { $0 != 0x0D && $0 != 0x0A } ?? false
        if started && !holdsPartialMessage {
            context.fireUserInboundEventTriggered(SIPStreamEvent.messageStarted)
        }
        holdsPartialMessage = started
        return .needMoreData
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// The next frame at the front of `buffer`, or nil when more bytes are needed (line ends between
    /// messages are consumed).
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
}
