import Logging
import NIOCore
import NIOEmbedded
import SIPCore
@testable import SIPTransport
import Testing

/// Within one batch of reads a new call's INVITE goes up first once the read is taken (several are
/// first answered from their bytes), before the datagrams read ahead of it, unless one of those
/// belongs to the same call; the others go up in order after, a slice of work at a time, so that
/// the socket is read again between slices.
@Suite("A batch of datagrams: new calls' INVITEs first, each call's messages in order")
struct SIPDatagramBatchTests {
    /// The handler's surroundings as the test sets them: its clock, and what arrives on the socket
    /// while a batch is handled, for the handler to read ahead.
    final class Surroundings: @unchecked Sendable {
        var now: UInt64 = 0
        var arriving: [String] = []
    }

    final class Batch {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let transport: SIPTransport
        var handedUp: [String] = []
        let sbc: SocketAddress
        /// How far the handler's clock moves, in nanoseconds, for each message handed up.
        var workPerMessage: UInt64 = 0
        let surroundings = Surroundings()
        var arriving: [String] {
            get { surroundings.arriving }
            set { surroundings.arriving = newValue }
        }

        init() throws {
            sbc = try SocketAddress(ipAddress: "192.0.2.10", port: 5060)
            transport = SIPTransport(configuration: SIPTransportConfiguration(listeners: []), eventLoop: loop,
                                     logger: Logger(label: "datagram-batch") { _ in SwiftLogNoOpLogHandler() })
            let surroundings = self.surroundings, source = sbc
            let handler = SIPDatagramHandler(transport: transport, readAhead: { limit in
                let arrived = surroundings.arriving.prefix(limit)
                surroundings.arriving.removeFirst(arrived.count)
                return arrived.map { AddressedEnvelope(remoteAddress: source, data: ByteBuffer(string: $0)) }
            }, clock: { surroundings.now })
            channel = EmbeddedChannel(handler: handler, loop: loop)
            transport.onMessage = { [unowned self] inbound in
                guard case .request(let request) = inbound.message else { return }
                handedUp.append("\(request.method) \(request.headers.callID)")
                surroundings.now += workPerMessage
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

    @Test("Once the read is taken a new call's INVITE goes up first, then the rest, in order")
    func newCallsFirst() throws {
        let batch = try Batch()
        batch.read(Self.request("ACK", callID: "a", toTag: "1"))
        batch.read(Self.request("BYE", callID: "b", toTag: "2"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "d", toTag: "3"))
        #expect(batch.handedUp.isEmpty)
        batch.endOfBatch()
        #expect(batch.handedUp == ["INVITE c", "ACK a", "BYE b", "INVITE d"])
    }

    @Test("Several new calls in one read are answered from their bytes before any goes up; a lone one is not asked about")
    func severalNewCallsAnsweredFirst() throws {
        let batch = try Batch()
        batch.transport.onNewCall = { bytes, _ in
            let callID = SIPHeaderScan.callID(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) } ?? ""
            guard callID != "e" else { return false }
            batch.handedUp.append("100 \(callID)")
            return true
        }
        batch.read(Self.request("BYE", callID: "a", toTag: "1"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "d"))
        batch.read(Self.request("INVITE", callID: "e"))
        #expect(batch.handedUp.isEmpty, "nothing goes up before the read is taken")
        batch.endOfBatch()
        #expect(batch.handedUp == ["100 c", "100 d", "INVITE c", "INVITE d", "INVITE e", "BYE a", "INVITE c"],
                "a retransmission read with its INVITE waits behind it; one not answered still goes up with the new calls")
        batch.handedUp = []
        batch.read(Self.request("INVITE", callID: "f"))
        batch.read(Self.request("BYE", callID: "a", toTag: "1"))
        batch.endOfBatch()
        #expect(batch.handedUp == ["INVITE f", "BYE a"], "a lone new call is handed up as it is")
    }

    @Test("The transport hears when a batch begins, before its first message goes up, and when all of it has")
    func batchBoundaries() throws {
        let batch = try Batch()
        batch.transport.onReadBatchBegan = { batch.handedUp.append("began") }
        batch.transport.onReadBatchEnded = { batch.handedUp.append("ended") }
        batch.read(Self.request("ACK", callID: "a", toTag: "1"))
        batch.read(Self.request("INVITE", callID: "b"))
        #expect(batch.handedUp == ["began"])
        batch.endOfBatch()
        batch.read(Self.request("INVITE", callID: "c"))
        batch.endOfBatch()
        #expect(batch.handedUp == ["began", "INVITE b", "ACK a", "ended", "began", "INVITE c", "ended"])
    }

    @Test("An INVITE behind a waiting message of its own Call-ID keeps its place")
    func oneCallInOrder() throws {
        let batch = try Batch()
        batch.read(Self.request("BYE", callID: "b", toTag: "2"))
        batch.read(Self.request("CANCEL", callID: "c"))
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("INVITE", callID: "e"))
        batch.endOfBatch()
        #expect(batch.handedUp == ["INVITE e", "BYE b", "CANCEL c", "INVITE c"])
        batch.read(Self.request("INVITE", callID: "c"))
        batch.read(Self.request("BYE", callID: "b", toTag: "2"))
        batch.endOfBatch()
        #expect(batch.handedUp.suffix(2) == ["INVITE c", "BYE b"], "a new batch starts with nothing waiting")
    }

    @Test("Between slices of a long batch what has arrived is read: a new call's INVITE goes up first, the rest after what waits")
    func slices() throws {
        let batch = try Batch()
        batch.workPerMessage = SIPDatagramHandler.slice / 2
        for callID in ["a", "b", "c", "d", "e"] { batch.read(Self.request("BYE", callID: callID, toTag: "1")) }
        batch.arriving = [Self.request("INVITE", callID: "f"), Self.request("BYE", callID: "g", toTag: "1")]
        batch.endOfBatch()
        #expect(batch.handedUp == ["BYE a", "BYE b", "INVITE f", "BYE c", "BYE d", "BYE e", "BYE g"])
    }

    @Test("Reading ahead waits while the waiting limit is reached")
    func waitingLimit() throws {
        let batch = try Batch()
        batch.workPerMessage = SIPDatagramHandler.slice
        let count = SIPDatagramHandler.waitingLimit + 2
        for index in 0..<count { batch.read(Self.request("BYE", callID: "c\(index)", toTag: "1")) }
        batch.arriving = [Self.request("INVITE", callID: "new")]
        batch.endOfBatch()
        #expect(batch.handedUp.count == count + 1)
        #expect(batch.handedUp[3] == "INVITE new", "read once no more than the limit wait")
    }

    @Test("A batch reads ahead a bounded number of datagrams, so that it ends under any load")
    func readAheadLimit() throws {
        let batch = try Batch()
        batch.workPerMessage = SIPDatagramHandler.slice
        batch.read(Self.request("BYE", callID: "first", toTag: "1"))
        batch.arriving = (0..<(SIPDatagramHandler.readAheadLimit + 8)).map { Self.request("BYE", callID: "c\($0)", toTag: "1") }
        batch.endOfBatch()
        #expect(batch.handedUp.count == 1 + SIPDatagramHandler.readAheadLimit)
        #expect(batch.arriving.count == 8, "left on the socket for the next read")
    }
}
