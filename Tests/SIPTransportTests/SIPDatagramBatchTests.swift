import Logging
import NIOCore
import NIOEmbedded
import SIPCore
@testable import SIPTransport
import Testing

/// Within one batch of reads a new call's INVITE goes up as it is read, before the datagrams read
/// ahead of it, unless one of those belongs to the same call; the others go up in order once the
/// batch has been read.
@Suite("A batch of datagrams: new calls' INVITEs first, each call's messages in order")
struct SIPDatagramBatchTests {
    final class Batch {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let transport: SIPTransport
        var handedUp: [String] = []
        let sbc: SocketAddress

        init() throws {
            sbc = try SocketAddress(ipAddress: "192.0.2.10", port: 5060)
            transport = SIPTransport(configuration: SIPTransportConfiguration(listeners: []), eventLoop: loop,
                                     logger: Logger(label: "datagram-batch") { _ in SwiftLogNoOpLogHandler() })
            channel = EmbeddedChannel(handler: SIPDatagramHandler(transport: transport), loop: loop)
            transport.onMessage = { [unowned self] inbound in
                guard case .request(let request) = inbound.message else { return }
                handedUp.append("\(request.method) \(request.headers.callID)")
            }
        }

        func read(_ message: String) {
            channel.pipeline.fireChannelRead(AddressedEnvelope(remoteAddress: sbc, data: ByteBuffer(string: message)))
        }

        func endOfBatch() {
            channel.pipeline.fireChannelReadComplete()
        }
    }

    static func request(_ method: String, callID: String, toTag: String? = nil) -> String {
        "\(method) sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-\(method)-\(callID)\r\n"
            + "From: <sip:+15550999@192.0.2.10>;tag=f\r\nTo: <sip:+15550100@192.0.2.1>\(toTag.map { ";tag=\($0)" } ?? "")\r\n"
            + "Call-ID: \(callID)\r\nCSeq: 1 \(method)\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n"
    }

    @Test("A new call's INVITE goes up at once; the rest wait for the end of the batch, in order")
    func newCallsFirst() throws {
        let batch = try Batch()
        batch.read(Self.request("ACK", callID: "a", toTag: "1"))
        batch.read(Self.request("BYE", callID: "b", toTag: "2"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "d", toTag: "3"))
        #expect(batch.handedUp == ["INVITE c"])
        batch.endOfBatch()
        #expect(batch.handedUp == ["INVITE c", "ACK a", "BYE b", "INVITE d"])
    }

    @Test("An INVITE behind a waiting message of its own Call-ID keeps its place")
    func oneCallInOrder() throws {
        let batch = try Batch()
        batch.read(Self.request("BYE", callID: "b", toTag: "2"))
        batch.read(Self.request("CANCEL", callID: "c"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "e"))
        #expect(batch.handedUp == ["INVITE e"])
        batch.endOfBatch()
        #expect(batch.handedUp == ["INVITE e", "BYE b", "CANCEL c", "INVITE c"])
        batch.read(Self.request("INVITE", callID: "c"))
        #expect(batch.handedUp.last == "INVITE c", "a new batch starts with nothing waiting")
    }
}
