import SwitchboardTestKit
import NIOCore
import NIOEmbedded
@testable import SIPTransport
import Testing

@Suite("Admission on the listener: refused connections are closed before the SIP pipeline exists")
struct SIPConnectionAdmissionTests {
    static let trunk = "192.0.2.10"

    static func connection(from address: String, loop: EmbeddedEventLoop) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(loop: loop)
        try channel.connect(to: SocketAddress(ipAddress: address, port: 40_000)).wait()
        return channel
    }

    @Test("A stranger is closed and not passed on; a trunk connection is passed on and counted open until it closes")
    func listener() throws {
        let loop = EmbeddedEventLoop()
        let notices = CapturedLogs()
        let tracker = SIPConnectionTracker(eventLoop: loop, trustedPeers: [Self.trunk], limits: SIPConnectionLimits(), logger: notices.logger())
        let listener = EmbeddedChannel(handler: SIPConnectionAdmissionHandler(tracker: tracker), loop: loop)

        let stranger = try Self.connection(from: "198.51.100.7", loop: loop)
        try listener.writeInbound(stranger as any Channel)
        #expect(try listener.readInbound(as: (any Channel).self) == nil)
        #expect(!stranger.isActive)

        let sbc = try Self.connection(from: Self.trunk, loop: loop)
        try listener.writeInbound(sbc as any Channel)
        #expect(try listener.readInbound(as: (any Channel).self) != nil)
        #expect(sbc.isActive)
        #expect(tracker.counters.accepted == 1)
        #expect(tracker.counters.refusedUnknownPeer == 1)
        #expect(tracker.counters.open == 1)

        try sbc.close().wait()
        loop.run()
        #expect(tracker.counters.open == 0)
    }

    @Test("Over the trunk's own cap the next trunk connection is refused; a closed one makes room again")
    func trunkCap() throws {
        let loop = EmbeddedEventLoop()
        let tracker = SIPConnectionTracker(eventLoop: loop, trustedPeers: [Self.trunk],
                                           limits: SIPConnectionLimits(maximumConnectionsPerTrunk: 2), logger: CapturedLogs().logger())
        let first = try Self.connection(from: Self.trunk, loop: loop)
        let second = try Self.connection(from: Self.trunk, loop: loop)
        let third = try Self.connection(from: Self.trunk, loop: loop)
        #expect(tracker.admit(first, peer: Self.trunk, origin: .accepted) == .admit)
        #expect(tracker.admit(second, peer: Self.trunk, origin: .opened) == .admit)
        #expect(tracker.admit(third, peer: Self.trunk, origin: .accepted) == .refuse(.peerLimit))
        try first.close().wait()
        loop.run()
        #expect(tracker.admit(third, peer: Self.trunk, origin: .accepted) == .admit)
        #expect(tracker.counters.accepted == 2)
        #expect(tracker.counters.opened == 1)
        #expect(tracker.counters.refusedPeerLimit == 1)
        #expect(tracker.counters.open == 2)
    }
}
