import Logging
import Media
import MediaTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SIPCore
import SIPStack
@testable import Switchboard
import Testing
import YAMLConfiguration

@Suite("Answered hold on the media edge: keys and queue moves")
struct AnsweredHoldKeyMediaTests {
    @Test func anRFC4733DigitOnTheCallersStreamReachesTheRouterOnTheSIPLoopAndAMoveChangesTheMusic() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let probe = FirstByteProbe()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(probe) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let callerPort = try #require(channel.localAddress?.port)
        let keys = KeyForwarder(loop: loop)
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 40_400...40_599)),
                                 maximumCatchUp: 500, logger: Logger(label: "test"), onDigit: keys.forward)
        let music = { (tag: UInt8) in Prompt(name: "moh", audio: WAVAudio(encoding: .aLaw, data: Array(repeating: tag, count: 800))) }
        try await engine.addMusic("lobby-music", loop: try #require(HoldMusicLoop(tracks: [music(0xA0)])))
        try await engine.addMusic("sales-music", loop: try #require(HoldMusicLoop(tracks: [music(0xB0)])))
        let pressed = NIOLockedValueBox<[String]>([])
        let hold = try await loop.submit {
            let hold = AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop),
                                    queues: ["lobby": QueueHoldMedia(welcome: nil, music: "lobby-music"),
                                             "sales": QueueHoldMedia(welcome: nil, music: "sales-music")],
                                    words: [:], logger: Logger(label: "test")) { _, _, reply in reply(nil) }
            hold.onKey = { callID, key in
                loop.preconditionInEventLoop()
                pressed.withLockedValue { $0.append("\(callID):\(key)") }
            }
            keys.hold = hold
            return hold
        }.get()
        let offer = Array(("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio \(callerPort) RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n").utf8)
        let answer = NIOLockedValueBox<[UInt8]?>(nil)
        try await loop.submit { hold.start("c1", queue: "lobby", offer: offer) { sdp in answer.withLockedValue { $0 = sdp } } }.get()
        #expect(await poll { answer.withLockedValue { $0 } != nil })
        let description = try SessionDescription(parsing: try #require(answer.withLockedValue { $0 }))
        let streamPort = try #require(description.media.first?.port)
        #expect(await poll { probe.tags.withLockedValue { $0 }.contains(0xA0) }, "the lobby's music")

        var sender = RTPSender(payloadType: 8, ssrc: 7, sequenceNumber: 1, timestamp: 1_000)
        let digit = try #require(DTMFDigit("0"))
        for packet in TelephoneEventSender.packets(for: digit, frames: 3, payloadType: 101, sender: &sender) {
            try await channel.writeAndFlush(AddressedEnvelope(remoteAddress: try SocketAddress(ipAddress: "127.0.0.1", port: streamPort),
                                                              data: ByteBuffer(bytes: packet.serialized())))
        }
        #expect(await poll { pressed.withLockedValue { $0 } == ["c1:0"] }, "once, however many packets the event took")

        try await loop.submit { hold.moved("c1", to: "sales") }.get()
        #expect(await poll { probe.tags.withLockedValue { $0 }.suffix(3) == [0xB0, 0xB0, 0xB0] }, "the new queue's music")
        try await loop.submit { hold.stop("c1") }.get()
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 0 })
        try await channel.close().get()
        try await group.shutdownGracefully()
    }
}
