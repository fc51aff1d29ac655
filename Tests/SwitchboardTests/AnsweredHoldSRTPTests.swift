import Logging
import Media
import MediaTransport
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SIPCore
import SIPStack
import SRTP
@testable import Switchboard
import Testing
import YAMLConfiguration

/// Raw datagrams received on a UDP socket on 127.0.0.1, in order.
private final class DatagramProbe: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    let datagrams = NIOLockedValueBox<[[UInt8]]>([])

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Array(unwrapInboundIn(data).data.readableBytesView)
        datagrams.withLockedValue { $0.append(bytes) }
    }
}

/// Answered hold under `media.srtp`: the key in the SDP answer is the one the stream protects with,
/// and the policy's refusals reach the 488's Warning.
@Suite("Answered hold over SRTP")
struct AnsweredHoldSRTPTests {
    static let theirKey = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"

    static func offer(port: Int, proto: String) -> [UInt8] {
        Array(("v=0\r\no=pstn 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(port) \(proto) 8\r\n"
            + (proto == "RTP/SAVP" ? "a=crypto:5 AES_CM_128_HMAC_SHA1_80 inline:\(theirKey)\r\n" : "")).utf8)
    }

    @Test func theCallerDecryptsTheWelcomePromptWithTheKeyOfTheAnswer() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let probe = DatagramProbe()
        let channel = try await DatagramBootstrap(group: group)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(probe) } }
            .bind(host: "127.0.0.1", port: 0).get()
        let callerPort = try #require(channel.localAddress?.port)
        let pool = try #require(RTPPortPool(range: 40_200...40_399))
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: pool, maximumCatchUp: 500, logger: Logger(label: "test"))
        let welcome = Prompt(name: "welcome", audio: WAVAudio(encoding: .aLaw, data: Array(repeating: 0x70, count: 160 * 10)))
        let loop = group.next()
        let hold = try await loop.submit {
            AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop), queues: ["support": QueueHoldMedia(welcome: welcome, music: nil)],
                         words: [:], srtp: .optional, logger: Logger(label: "test")) { _, _, reply in reply(nil) }
        }.get()
        let answer = NIOLockedValueBox<[UInt8]?>(nil)
        try await loop.submit {
            hold.start("c1", queue: "support", offer: Self.offer(port: callerPort, proto: "RTP/SAVP")) { sdp in answer.withLockedValue { $0 = sdp } }
        }.get()
        #expect(await poll { answer.withLockedValue { $0 } != nil })
        let sdp = try #require(answer.withLockedValue { $0 })
        let media = try #require(try SessionDescription(parsing: sdp).media.first)
        #expect(media.proto == "RTP/SAVP")
        let crypto = try SDESCrypto(attributeValue: try #require(media.attributes.first { $0.name == "crypto" }?.value))
        #expect(crypto.tag == 5 && crypto.suite == .aes128HMACSHA1Tag80)
        #expect(crypto.key != (try SDESCrypto(attributeValue: "1 AES_CM_128_HMAC_SHA1_80 inline:\(Self.theirKey)").key),
                "a key of switchboardd's own, not the caller's")

        #expect(await poll { probe.datagrams.withLockedValue { $0.count } >= 10 })
        let receiver = try SRTPContext(suite: .aes128HMACSHA1Tag80, key: crypto.key, direction: .inbound)
        let packets = try probe.datagrams.withLockedValue { $0 }.prefix(10).map { try RTPPacket(parsing: try receiver.unprotect($0)) }
        #expect(packets.allSatisfy { $0.header.payloadType == 8 && $0.payload == Array(repeating: 0x70, count: 160) },
                "the welcome prompt, decrypted with the answer's key")
        try await loop.submit { hold.stop("c1") }.get()
        #expect(await poll { (try? await engine.portPool().allocatedCount) == 0 }, "the port is freed")
        try await channel.close().get()
        try await group.shutdownGracefully()
    }

    @Test func theRefusalsOfEachPolicyGiveThe488sWarning() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let engine = MediaEngine(eventLoop: group.next(), address: "127.0.0.1", ports: try #require(RTPPortPool(range: 40_400...40_409)),
                                 logger: Logger(label: "test"))
        let loop = group.next()
        let refusals = try await loop.submit {
            [SRTPPolicy.off, .optional, .required].map { policy in
                let hold = AnsweredHold(engine: engine, wheel: TimerWheel(eventLoop: loop), queues: [:], words: [:], srtp: policy,
                                        logger: Logger(label: "test")) { _, _, reply in reply(nil) }
                return [hold.refusal(of: Self.offer(port: 6000, proto: "RTP/AVP")), hold.refusal(of: Self.offer(port: 6000, proto: "RTP/SAVP"))]
            }
        }.get()
        #expect(refusals == [
            [nil, "302 switchboardd \"Incompatible transport protocol\""],
            [nil, nil],
            ["302 switchboardd \"Incompatible transport protocol: SRTP (RTP/SAVP) required\"", nil],
        ])
        try await group.shutdownGracefully()
    }
}
