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

/// A UDP socket on 127.0.0.1 keeping the payload of every RTP packet it receives, in order.
private final class PayloadProbe: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let payloads = NIOLockedValueBox<[[UInt8]]>([])

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let packet = try? RTPPacket(parsing: unwrapInboundIn(data).data.readableBytesView) else { return }
        payloads.withLockedValue { $0.append(packet.payload) }
    }
}

/// A-law audio sent as it is over PCMA: every byte of prompt `tag`'s frames is `tag`.
private func tagged(_ name: String, frames: Int, tag: UInt8) -> Prompt {
    Prompt(name: name, audio: WAVAudio(encoding: .aLaw, data: Array(repeating: tag, count: 160 * frames)))
}

@Suite("Answered hold on the media edge")
struct AnsweredHoldMediaTests {
    @Test func theCallerHearsTheWelcomeThenTheirPlaceAndWaitThenTheMusic() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let probe = PayloadProbe()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(probe) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let callerPort = try #require(channel.localAddress?.port)
        let pool = try #require(RTPPortPool(range: 40_000...40_199))
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: pool, maximumCatchUp: 500, logger: Logger(label: "test"))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [tagged("moh", frames: 5, tag: 0xA0)])))
        let words = Dictionary(uniqueKeysWithValues: AnnouncementWords.promptNames.enumerated().map { index, name in
            (name, tagged(name, frames: 1, tag: UInt8(index + 1)))
        })
        let tag = { (name: String) in UInt8(try #require(AnnouncementWords.promptNames.firstIndex(of: name)) + 1) }
        let loop = group.next()
        let hold = try await loop.submit {
            AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop),
                         queues: ["support": QueueHoldMedia(welcome: tagged("welcome", frames: 25, tag: 0x70), music: "moh", position: .always, ewt: .once)],
                         words: words, logger: Logger(label: "test")) { callID, queue, reply in reply(callID == "c1" && queue == "support" ? (1, .seconds(90)) : nil) }
        }.get()
        let offer = Array("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(callerPort) RTP/AVP 8\r\n".utf8)
        let answer = NIOLockedValueBox<[UInt8]?>(nil)
        try await loop.submit { hold.start("c1", queue: "support", offer: offer) { sdp in answer.withLockedValue { $0 = sdp } } }.get()
        #expect(await poll { answer.withLockedValue { $0 } != nil })
        let description = try SessionDescription(parsing: try #require(answer.withLockedValue { $0 }))
        #expect(description.origin.username == "switchboard")
        #expect(description.media.first?.formats == ["8"])
        #expect(pool.range.contains(description.media.first?.port ?? 0))

        let spoken = try ["you-are-caller-number", "digit-1", "your-estimated-wait-is", "about", "digit-2", "minutes"].map(tag)
        #expect(await poll { probe.payloads.withLockedValue { $0.count } >= 25 + spoken.count + 3 })
        let heard = probe.payloads.withLockedValue { $0 }.map { $0[0] }
        #expect(Array(heard.prefix(25)) == Array(repeating: 0x70, count: 25), "the welcome prompt first")
        #expect(Array(heard.dropFirst(25).prefix(spoken.count)) == spoken, "then: you are caller number one, your estimated wait is about two minutes")
        #expect(heard.dropFirst(25 + spoken.count).allSatisfy { $0 == 0xA0 }, "then the music")

        try await loop.submit {
            #expect(hold.streamsInUse == 1)
            hold.stop("c1")
            #expect(hold.streamsInUse == 0)
        }.get()
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 0 }, "the port is freed")
        try await channel.close().get()
        try await group.shutdownGracefully()
    }

    @Test func aPeriodicPromptComesBackInFrontOfTheMusicUntilTheStreamStops() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let probe = PayloadProbe()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(probe) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let callerPort = try #require(channel.localAddress?.port)
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 40_200...40_399)),
                                 maximumCatchUp: 500, logger: Logger(label: "test"))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [tagged("moh", frames: 5, tag: 0xA0)])))
        let loop = group.next()
        let hold = try await loop.submit {
            AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop),
                         queues: ["support": QueueHoldMedia(welcome: nil, music: "moh", periodicPrompt: tagged("still-waiting", frames: 3, tag: 0x55),
                                                            periodicPromptInterval: .milliseconds(300))],
                         words: [:], logger: Logger(label: "test")) { _, _, reply in reply((1, nil)) }
        }.get()
        let offer = Array("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(callerPort) RTP/AVP 8\r\n".utf8)
        try await loop.submit { hold.start("c1", queue: "support", offer: offer) { _ in } }.get()

        /// The runs of the periodic prompt heard so far, each between music frames.
        let runs = {
            probe.payloads.withLockedValue { $0 }.map { $0[0] }.split(separator: 0xA0).filter { !$0.isEmpty }.map(Array.init)
        }
        #expect(await poll { runs().count >= 4 }, "the fourth begun, the first three are whole")
        #expect(probe.payloads.withLockedValue { $0 }.first?.first == 0xA0, "music first: no welcome prompt")
        #expect(runs().prefix(3).allSatisfy { $0 == [0x55, 0x55, 0x55] }, "the whole prompt each time, between stretches of music")
        try await loop.submit { hold.stop("c1") }.get()
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 0 })
        let heard = probe.payloads.withLockedValue { $0.count }
        try await Task.sleep(for: .milliseconds(700))
        #expect(probe.payloads.withLockedValue { $0.count } == heard, "no prompt after the stream stopped")
        try await channel.close().get()
        try await group.shutdownGracefully()
    }
}
