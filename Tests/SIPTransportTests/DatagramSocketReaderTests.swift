import Glibc
import NIOCore
@testable import SIPTransport
import Testing

/// The read between slices of a batch, against real sockets on the loopback address.
@Suite("Reading what waits on a UDP socket, without blocking")
struct DatagramSocketReaderTests {
    /// A socket's descriptor and the address it is bound to.
    typealias BoundSocket = (descriptor: CInt, address: sockaddr_in)

    /// A non-blocking UDP socket bound to 127.0.0.1 on a port the kernel picks.
    static func boundSocket() throws -> BoundSocket {
        let descriptor = socket(AF_INET, CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_NONBLOCK.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        try #require(bound)
        return (descriptor, address)
    }

    /// A listener and a peer to send to it.
    static func socketPair() throws -> (listener: BoundSocket, peer: BoundSocket) {
        (try boundSocket(), try boundSocket())
    }

    static func close(_ sockets: BoundSocket...) {
        for socket in sockets { _ = Glibc.close(socket.descriptor) }
    }

    static func send(_ text: String, from descriptor: CInt, to address: sockaddr_in) {
        var address = address
        _ = Array(text.utf8).withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// Reads until `count` datagrams have come (loopback delivery may lag behind `sendto` when the
    /// kernel defers it), each read asking for `limit` and getting no more; gives up after 10 s.
    static func readAll(_ count: Int, from reader: DatagramSocketReader, atMost limit: Int) -> [AddressedEnvelope<ByteBuffer>] {
        var read: [AddressedEnvelope<ByteBuffer>] = []
        let deadline = NIODeadline.now() + .seconds(10)
        while read.count < count, NIODeadline.now() < deadline {
            let batch = reader.read(atMost: limit)
            #expect(batch.count <= limit)
            read += batch
            if batch.isEmpty { usleep(1_000) }
        }
        return read
    }

    @Test("Datagrams come in order with their sender, no more than asked, and none when none waits")
    func readsWhatWaits() throws {
        let (listener, peer) = try Self.socketPair()
        defer { Self.close(listener, peer) }
        let reader = DatagramSocketReader(socket: listener.descriptor, maximumMessageSize: 1_500)
        #expect(reader.read(atMost: 4).isEmpty)
        for text in ["one", "two", "three"] { Self.send(text, from: peer.descriptor, to: listener.address) }
        let read = Self.readAll(3, from: reader, atMost: 2)
        #expect(read.map { String(buffer: $0.data) } == ["one", "two", "three"])
        #expect(read.allSatisfy { $0.remoteAddress.port == Int(UInt16(bigEndian: peer.address.sin_port)) })
        #expect(read.allSatisfy { $0.remoteAddress.ipAddress == "127.0.0.1" })
        #expect(reader.read(atMost: 4).isEmpty)
    }

    @Test("A datagram larger than the largest message is cut to it, as NIO's reads cut it")
    func cutsOversizedDatagrams() throws {
        let (listener, peer) = try Self.socketPair()
        defer { Self.close(listener, peer) }
        let reader = DatagramSocketReader(socket: listener.descriptor, maximumMessageSize: 8)
        Self.send("0123456789abcdef", from: peer.descriptor, to: listener.address)
        #expect(Self.readAll(1, from: reader, atMost: 1).map { String(buffer: $0.data) } == ["01234567"])
    }
}
