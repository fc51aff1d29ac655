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

/// A-law audio whose every byte is `tag`.
private func tagged(_ name: String, frames: Int, tag: UInt8) -> Prompt {
    Prompt(name: name, audio: WAVAudio(encoding: .aLaw, data: Array(repeating: tag, count: 160 * frames)))
}

private func offer(port: Int) -> [UInt8] {
    Array("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(port) RTP/AVP 8\r\n".utf8)
}

@Suite("Answered hold on the media edge: moves and re-offers")
struct AnsweredHoldMoveMediaTests {
    @Test func aCallerMovedToAnotherQueueIsToldTheirPlaceAsThatQueueSays() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let (probe, channel) = try await FirstByteProbe.bind(group)
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 40_600...40_799)),
                                 maximumCatchUp: 500, logger: Logger(label: "test"))
        try await engine.addMusic("lobby-music", loop: try #require(HoldMusicLoop(tracks: [tagged("moh", frames: 5, tag: 0xA0)])))
        try await engine.addMusic("sales-music", loop: try #require(HoldMusicLoop(tracks: [tagged("moh", frames: 5, tag: 0xB0)])))
        let words = Dictionary(uniqueKeysWithValues: AnnouncementWords.promptNames.enumerated().map { index, name in
            (name, tagged(name, frames: 1, tag: UInt8(index + 1)))
        })
        let tag = { (name: String) in UInt8(try #require(AnnouncementWords.promptNames.firstIndex(of: name)) + 1) }
        let hold = try await loop.submit {
            AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop),
                         queues: ["lobby": QueueHoldMedia(welcome: nil, music: "lobby-music"),
                                  "sales": QueueHoldMedia(welcome: nil, music: "sales-music", position: .always)],
                         words: words, logger: Logger(label: "test")) { _, queue, reply in reply(queue == "sales" ? (2, nil) : nil) }
        }.get()
        try await loop.submit { hold.start("c1", queue: "lobby", offer: offer(port: channel.localAddress?.port ?? 0)) { _ in } }.get()
        #expect(await poll { probe.tags.withLockedValue { $0 }.count >= 5 })
        #expect(probe.tags.withLockedValue { $0 }.allSatisfy { $0 == 0xA0 }, "the lobby announces nothing")

        try await loop.submit { hold.moved("c1", to: "sales") }.get()
        let spoken = try ["you-are-caller-number", "digit-2"].map(tag)
        #expect(await poll {
            let heard = probe.tags.withLockedValue { $0 }
            return heard.suffix(3) == [0xB0, 0xB0, 0xB0] && heard.contains(spoken[0])
        }, "sales' announcement, then sales' music")
        let heard = probe.tags.withLockedValue { $0 }.filter { $0 != 0xA0 && $0 != 0xB0 }
        #expect(heard == spoken, "you are caller number two, as sales announces positions")
        try await loop.submit { hold.stop("c1") }.get()
        try await channel.close().get()
        try await group.shutdownGracefully()
    }

    @Test func aReOfferWithANewPortMovesTheCallersStreamAndIsAnsweredWithTheSameDescription() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loop = group.next()
        let (first, firstChannel) = try await FirstByteProbe.bind(group)
        let (second, secondChannel) = try await FirstByteProbe.bind(group)
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 40_800...40_999)),
                                 maximumCatchUp: 500, logger: Logger(label: "test"))
        try await engine.addMusic("moh", loop: try #require(HoldMusicLoop(tracks: [tagged("moh", frames: 5, tag: 0xA0)])))
        let hold = try await loop.submit {
            AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop), queues: ["lobby": QueueHoldMedia(welcome: nil, music: "moh")],
                         words: [:], logger: Logger(label: "test")) { _, _, reply in reply(nil) }
        }.get()
        let answer = NIOLockedValueBox<[UInt8]?>(nil)
        try await loop.submit {
            hold.start("c1", queue: "lobby", offer: offer(port: firstChannel.localAddress?.port ?? 0)) { sdp in answer.withLockedValue { $0 = sdp } }
        }.get()
        #expect(await poll { first.tags.withLockedValue { $0 }.count >= 3 })
        let secondPort = try #require(secondChannel.localAddress?.port)
        let reanswered = try await loop.submit { hold.answerReoffer("c1", attempt: nil, offer: offer(port: secondPort)) }.get()
        guard case .answered(let description)? = reanswered else {
            Issue.record("not answered: \(String(describing: reanswered))")
            return
        }
        #expect(description == answer.withLockedValue { $0 }, "the same description, version and all (RFC 3264 §8)")
        #expect(await poll { second.tags.withLockedValue { $0 }.count >= 3 }, "the music goes to the new port")
        let refused = try await loop.submit {
            hold.answerReoffer("c1", attempt: nil, offer: Array(String(decoding: offer(port: secondPort), as: UTF8.self)
                .replacingOccurrences(of: "RTP/AVP 8", with: "RTP/AVP 0").utf8))
        }.get()
        guard case .refused(let warning)? = refused else {
            Issue.record("not refused: \(String(describing: refused))")
            return
        }
        #expect(warning == "305 switchboardd \"Incompatible media format\"", "PCMU after PCMA: nothing is transcoded")
        try await loop.submit { hold.stop("c1") }.get()
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 0 })
        try await firstChannel.close().get()
        try await secondChannel.close().get()
        try await group.shutdownGracefully()
    }
}
