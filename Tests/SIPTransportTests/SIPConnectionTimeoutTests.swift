import Foundation
import SwitchboardTestKit
import Logging
import NIOCore
import NIOEmbedded
@testable import SIPTransport
import Testing

@Suite("Connection timers on virtual time: idle connections and unfinished messages are closed")
struct SIPConnectionTimeoutTests {
    static let peer = "192.0.2.10"
    static let options = "OPTIONS sip:a@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.10;branch=z9hG4bK1\r\nCall-ID: a\r\nContent-Length: 0\r\n\r\n"

    /// A connected channel with the decoder and the timers, as the transport builds it.
    struct Connection {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let tracker: SIPConnectionTracker
        let notices = CapturedLogs()

        init(idleSeconds: Int64 = 120, incompleteMessageSeconds: Int64 = 10) throws {
            channel = EmbeddedChannel(loop: loop)
            let limits = SIPConnectionLimits(idleTimeout: .seconds(idleSeconds), incompleteMessageTimeout: .seconds(incompleteMessageSeconds))
            tracker = SIPConnectionTracker(eventLoop: loop, trustedPeers: [SIPConnectionTimeoutTests.peer], limits: limits,
                                           logger: notices.logger())
            #expect(tracker.admit(channel, peer: SIPConnectionTimeoutTests.peer, origin: .accepted) == .admit)
            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder(maximumMessageSize: 65_535)))
            try channel.pipeline.syncOperations.addHandler(SIPConnectionTimeoutHandler(tracker: tracker))
            try channel.connect(to: SocketAddress(ipAddress: SIPConnectionTimeoutTests.peer, port: 5060)).wait()
        }

        func receive(_ text: String) throws {
            try channel.writeInbound(ByteBuffer(string: text))
        }

        func advance(seconds: Int64) {
            loop.advanceTime(by: .seconds(seconds))
        }

        func frames() throws -> [SIPStreamFramer.Frame] {
            var frames: [SIPStreamFramer.Frame] = []
            while let frame = try channel.readInbound(as: SIPStreamFramer.Frame.self) { frames.append(frame) }
            return frames
        }
    }

    @Test("A connection that carries nothing is closed at the idle timeout, not before")
    func idle() throws {
        let connection = try Connection()
        connection.advance(seconds: 119)
        #expect(connection.channel.isActive)
        #expect(connection.tracker.counters.open == 1)
        connection.advance(seconds: 1)
        #expect(!connection.channel.isActive)
        #expect(connection.tracker.counters.closedIdle == 1)
        #expect(connection.tracker.counters.closedIncompleteMessage == 0)
        #expect(connection.tracker.counters.open == 0)
    }

    @Test("Messages and keep-alives received, and messages sent, keep a connection open")
    func activity() throws {
        let connection = try Connection()
        for round in 0..<9 {
            connection.advance(seconds: 100)
            switch round % 3 {
            case 0: try connection.receive(Self.options)
            case 1: try connection.receive("\r\n\r\n")
            default: try connection.channel.writeOutbound(ByteBuffer(string: Self.options))
            }
        }
        #expect(connection.channel.isActive)
        #expect(try connection.frames() == [.message(Array(Self.options.utf8)), .keepAlivePing, .message(Array(Self.options.utf8)), .keepAlivePing,
                                           .message(Array(Self.options.utf8)), .keepAlivePing])
        connection.advance(seconds: 120)
        #expect(!connection.channel.isActive)
        #expect(connection.tracker.counters.closedIdle == 1)
    }

    @Test("Headers trickled a byte a second (slow loris) are closed at the incomplete-message timeout")
    func slowHeaders() throws {
        let connection = try Connection()
        for byte in Self.options.prefix(9) {
            try connection.receive(String(byte))
            connection.advance(seconds: 1)
        }
        #expect(connection.channel.isActive)
        try connection.receive("X")
        connection.advance(seconds: 1)
        #expect(!connection.channel.isActive)
        #expect(connection.tracker.counters.closedIncompleteMessage == 1)
        #expect(connection.tracker.counters.closedIdle == 0)
        #expect(connection.notices.lines(at: .notice, message: "stream connections closed").count == 1)
    }

    @Test("A body shorter than its Content-Length (60000, 10 bytes sent) is closed at the incomplete-message timeout")
    func shortBody() throws {
        let connection = try Connection()
        try connection.receive(Self.options.replacingOccurrences(of: "Content-Length: 0", with: "Content-Length: 60000") + "0123456789")
        connection.advance(seconds: 9)
        #expect(connection.channel.isActive)
        connection.advance(seconds: 1)
        #expect(!connection.channel.isActive)
        #expect(connection.tracker.counters.closedIncompleteMessage == 1)
    }

    @Test("A message finished in time stops its clock; the next one starts its own")
    func finishedInTime() throws {
        let connection = try Connection()
        try connection.receive(String(Self.options.prefix(20)))
        connection.advance(seconds: 9)
        try connection.receive(String(Self.options.dropFirst(20)) + "\r\n")
        #expect(try connection.frames() == [.message(Array(Self.options.utf8))])
        connection.advance(seconds: 60)
        #expect(connection.channel.isActive)
        try connection.receive(String(Self.options.prefix(20)))
        connection.advance(seconds: 10)
        #expect(!connection.channel.isActive)
        #expect(connection.tracker.counters.closedIncompleteMessage == 1)
    }

    @Test("Refusals log one notice per reason and interval, with the count since the last line")
    func refusalNotices() throws {
        let connection = try Connection()
        for _ in 0..<100 {
            let knocking = EmbeddedChannel(loop: connection.loop)
            #expect(connection.tracker.admit(knocking, peer: "198.51.100.7", origin: .accepted) == .refuse(.unknownPeer))
        }
        let refused = { connection.notices.lines(at: .notice, message: "stream connections refused") }
        #expect(refused().map { $0["sip.count"] } == ["1"])
        connection.advance(seconds: 10)
        #expect(refused().map { $0["sip.count"] } == ["1", "99"])
        #expect(refused().allSatisfy { $0["sip.reason"] == "unknownPeer" && $0["sip.last_peer"] == "198.51.100.7" })
        #expect(connection.tracker.counters.refusedUnknownPeer == 100)
        #expect(connection.tracker.counters.open == 1)
    }
}
