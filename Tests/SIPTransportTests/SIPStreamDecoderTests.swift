import NIOCore
import NIOEmbedded
import NIOTestUtils
@testable import SIPTransport
import Testing

@Suite("Stream framing (RFC 3261 §18.3): Content-Length frames messages on TCP and TLS")
struct SIPStreamDecoderTests {
    static func message(_ body: String, extraHeaders: String = "") -> String {
        "OPTIONS sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.2;branch=z9hG4bK1\r\nCall-ID: a\r\n"
            + extraHeaders + "Content-Length: \(body.utf8.count)\r\n\r\n" + body
    }

    static func frame(_ text: String) -> SIPStreamFramer.Frame { .message(Array(text.utf8)) }

    @Test("Fed byte by byte, all at once and in every split, the same messages come out")
    func verifier() throws {
        let first = Self.message("")
        let second = Self.message("v=0\r\n")
        let compact = "OPTIONS sip:a@b SIP/2.0\r\nl: 3\r\n\r\nabc"
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [
                (ByteBuffer(string: first), [Self.frame(first)]),
                (ByteBuffer(string: first + second), [Self.frame(first), Self.frame(second)]),
                (ByteBuffer(string: "\r\n" + second), [Self.frame(second)]),
                (ByteBuffer(string: compact), [Self.frame(compact)]),
            ],
            decoderFactory: { SIPStreamDecoder(maximumMessageSize: 65_535) })
    }

    @Test("A CRLFCRLF between messages is a keep-alive ping (RFC 5626 §3.5.1)")
    func keepAlive() throws {
        let message = Self.message("")
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [
                (ByteBuffer(string: "\r\n\r\n" + message), [.keepAlivePing, Self.frame(message)]),
            ],
            decoderFactory: { SIPStreamDecoder(maximumMessageSize: 65_535) })
    }

    @Test("Runs of line ends give the same pings whatever the reads: exactly CRLFCRLF is one, other line ends are skipped")
    func lineEndRuns() throws {
        let message = Self.message("")
        let crlf = "\r\n"
        try ByteToMessageDecoderVerifier.verifyDecoder(
            inputOutputPairs: [
                (ByteBuffer(string: String(repeating: crlf, count: 7) + message), [.keepAlivePing, .keepAlivePing, .keepAlivePing, Self.frame(message)]),
                (ByteBuffer(string: "\n\r\n\r\n" + message), [.keepAlivePing, Self.frame(message)]),
                (ByteBuffer(string: "\r\r\n\r\n" + message), [.keepAlivePing, Self.frame(message)]),
                (ByteBuffer(string: "\n\n\n\n" + message), [Self.frame(message)]),
                (ByteBuffer(string: "\r\n\r" + message), [Self.frame(message)]),
            ],
            decoderFactory: { SIPStreamDecoder(maximumMessageSize: 65_535) })
    }

    @Test("Headers or a declared body over the limit are refused", arguments: [
        message(String(repeating: "x", count: 2_000)),
        "OPTIONS sip:a@b SIP/2.0\r\nX-Long: " + String(repeating: "y", count: 2_000),
    ])
    func oversize(input: String) {
        var decoder = SIPStreamDecoder(maximumMessageSize: 1_500)
        var buffer = ByteBuffer(string: input)
        #expect(throws: SIPStreamFramer.Error.messageTooLarge(limit: 1_500)) { try decoder.decode(buffer: &buffer) }
    }

    @Test("A missing or non-numeric Content-Length cannot be framed", arguments: [
        "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: a\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: ten\r\n\r\n",
        "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n",
    ])
    func malformedContentLength(input: String) {
        var decoder = SIPStreamDecoder(maximumMessageSize: 65_535)
        var buffer = ByteBuffer(string: input)
        #expect {
            try decoder.decode(buffer: &buffer)
        } throws: { error in
            if case .malformedFraming = error as? SIPStreamFramer.Error { return true }
            return false
        }
    }

    @Test("A framing error closes the connection")
    func errorCloses() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SIPStreamDecoder(maximumMessageSize: 100)))
        #expect(throws: SIPStreamFramer.Error.messageTooLarge(limit: 100)) {
            try channel.writeInbound(ByteBuffer(string: Self.message(String(repeating: "z", count: 200))))
        }
        _ = try? channel.finish()
    }

    /// Counts the decoder's `messageStarted` events.
    final class StartedEvents: ChannelInboundHandler {
        typealias InboundIn = SIPStreamFramer.Frame
        var count = 0

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case .messageStarted? = event as? SIPStreamEvent { count += 1 }
        }
    }

    @Test("messageStarted fires once per message that waits for its rest, never for line ends between messages")
    func messageStarted() throws {
        let events = StartedEvents()
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder(maximumMessageSize: 65_535)))
        try channel.pipeline.syncOperations.addHandler(events)
        let message = Self.message("")
        try channel.writeInbound(ByteBuffer(string: "\r\n"))
        #expect(events.count == 0)
        try channel.writeInbound(ByteBuffer(string: String(message.prefix(10))))
        try channel.writeInbound(ByteBuffer(string: String(message.dropFirst(10).prefix(10))))
        #expect(events.count == 1)
        try channel.writeInbound(ByteBuffer(string: String(message.dropFirst(20)) + message))
        #expect(events.count == 1)
        try channel.writeInbound(ByteBuffer(string: "\r\n\r\n" + String(message.prefix(5))))
        #expect(events.count == 2)
    }
}
