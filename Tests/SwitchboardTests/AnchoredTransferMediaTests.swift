import B2BUA
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

private func sdp(port: Int) -> [UInt8] {
    Array("v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(port) RTP/AVP 8\r\n".utf8)
}

@Suite("Anchored media on the media edge: a transfer back to a queue")
struct AnchoredTransferMediaTests {
    @Test func theUnbridgedCallerHearsTheNewQueuesAnnouncementAndMusicAndTheAgentsStreamCloses() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let caller = FirstByteProbe()
        let callerChannel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(caller) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let agentChannel = try await DatagramBootstrap(group: group).bind(host: "127.0.0.1", port: 0).get()
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 41_000...41_199)),
                                 maximumCatchUp: 500, logger: Logger(label: "test"))
        let music = { (tag: UInt8) in Prompt(name: "moh", audio: WAVAudio(encoding: .aLaw, data: Array(repeating: tag, count: 800))) }
        try await engine.addMusic("front-music", loop: try #require(HoldMusicLoop(tracks: [music(0xA0)])))
        try await engine.addMusic("desk-music", loop: try #require(HoldMusicLoop(tracks: [music(0xB0)])))
        let words = Dictionary(uniqueKeysWithValues: AnnouncementWords.promptNames.enumerated().map { index, name in
            (name, Prompt(name: name, audio: WAVAudio(encoding: .aLaw, data: Array(repeating: UInt8(index + 1), count: 160))))
        })
        let announced = UInt8(try #require(AnnouncementWords.promptNames.firstIndex(of: "you-are-caller-number")) + 1)
        let hold = try await loop.submit {
            let hold = AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop),
                                    queues: ["front": QueueHoldMedia(welcome: nil, music: "front-music"),
                                             "desk": QueueHoldMedia(welcome: nil, music: "desk-music", position: .always)],
                                    words: words, logger: Logger(label: "test")) { _, queue, reply in reply(queue == "desk" ? (1, nil) : nil) }
            hold.anchorsMedia = true
            return hold
        }.get()
        try await loop.submit { hold.start("c1", queue: "front", offer: sdp(port: callerChannel.localAddress?.port ?? 0)) { _ in } }.get()
        #expect(await poll { caller.tags.withLockedValue { $0 }.contains(0xA0) }, "front's music")

        let offer = NIOLockedValueBox<[UInt8]?>(nil)
        try await loop.submit { hold.offerToAgent("c1", attempt: 1) { sdp in offer.withLockedValue { $0 = sdp } } }.get()
        #expect(await poll { offer.withLockedValue { $0 } != nil })
        let agentOffer = try #require(offer.withLockedValue { $0 })
        let agentStreamPort = try #require(try SessionDescription(parsing: agentOffer).media.first?.port)
        #expect(try await loop.submit { hold.bridge("c1", attempt: 1, answer: sdp(port: agentChannel.localAddress?.port ?? 0)) }.get())
        var agent = RTPSender(payloadType: 8, ssrc: 0xA6E7, sequenceNumber: 1, timestamp: 0)
        let destination = try SocketAddress(ipAddress: "127.0.0.1", port: agentStreamPort)
        #expect(await poll {
            let packet = agent.audioPacket(Array(repeating: 0x55, count: 160)).serialized()
            try? await agentChannel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: ByteBuffer(bytes: packet)))
            return caller.tags.withLockedValue { $0 }.suffix(3) == [0x55, 0x55, 0x55]
        }, "the agent's voice, relayed to the caller")

        try await loop.submit { hold.unbridge("c1", requeuedTo: "desk") }.get()
        #expect(await poll { caller.tags.withLockedValue { $0 }.suffix(3) == [0xB0, 0xB0, 0xB0] }, "desk's music after the transfer")
        let afterBridge = caller.tags.withLockedValue { $0 }.drop { $0 != 0x55 }.drop { $0 == 0x55 }
        #expect(afterBridge.contains(announced), "desk announces the caller's place, as on arrival")
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 1 }, "the agent's stream closed, the caller's plays on")
        #expect(try await loop.submit { hold.streamsInUse }.get() == 1)
        try await loop.submit { hold.stop("c1") }.get()
        try await callerChannel.close().get()
        try await agentChannel.close().get()
        try await group.shutdownGracefully()
    }
}
