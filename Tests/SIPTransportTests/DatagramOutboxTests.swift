#if canImport(Glibc)
import Glibc
#endif
import NIOCore
@testable import SIPTransport
import Testing

/// A plain UDP socket bound to a free port of 127.0.0.1, read with a 5 s timeout.
private final class Receiver {
    let descriptor: CInt
    let address: SocketAddress

    init() throws {
        let descriptor = socket(AF_INET, CInt(SOCK_DGRAM.rawValue), 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let any = try SocketAddress(ipAddress: "127.0.0.1", port: 0)
        guard any.withSockAddr({ bind(descriptor, $0, socklen_t($1)) }) == 0 else {
            close(descriptor)
            throw IOError(errnoCode: errno, reason: "bind")
        }
        var storage = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard let address = try? SocketAddress(ipAddress: "127.0.0.1", port: Int(UInt16(bigEndian: storage.sin_port))) else {
            close(descriptor)
            throw IOError(errnoCode: EINVAL, reason: "getsockname")
        }
        self.descriptor = descriptor
        self.address = address
    }

    /// The next datagram's bytes; nil after 5 s without one.
    func next() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 2048)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count < 0 ? nil : Array(buffer.prefix(count))
    }

    deinit { close(descriptor) }
}

@Suite("DatagramOutbox: a flush's datagrams leave in order with sendmmsg")
struct DatagramOutboxTests {
    @Test("Datagrams to two destinations arrive in order, each once; the outbox is empty after the flush")
    func inOrder() throws {
        let first = try Receiver(), second = try Receiver(), sender = try Receiver()
        var outbox = DatagramOutbox(socket: sender.descriptor, family: .inet)
        outbox.append(Array("one".utf8), to: first.address)
        outbox.append(Array("two".utf8), to: second.address)
        outbox.append(Array("three".utf8), to: first.address)
        #expect(!outbox.isEmpty)
        let result = outbox.flush()
        #expect(result.refused == 0 && result.error == 0)
        #expect(outbox.isEmpty)
        #expect(first.next() == Array("one".utf8))
        #expect(first.next() == Array("three".utf8))
        #expect(second.next() == Array("two".utf8))
        #expect(outbox.flush().refused == 0, "an empty flush sends nothing")
    }

    @Test("A datagram the kernel refuses is dropped and counted; the ones after it still leave")
    func refusedOneSkipped() throws {
        let receiver = try Receiver(), sender = try Receiver()
        var outbox = DatagramOutbox(socket: sender.descriptor, family: .inet)
        outbox.append(Array("before".utf8), to: receiver.address)
        outbox.append(Array("nowhere".utf8), to: try SocketAddress(ipAddress: "::1", port: 5060))
        outbox.append(Array("after".utf8), to: receiver.address)
        let result = outbox.flush()
        #expect(result.refused == 1)
        #expect(result.error != 0, "an IPv6 destination on an IPv4 socket is refused with its errno")
        #expect(receiver.next() == Array("before".utf8))
        #expect(receiver.next() == Array("after".utf8))
    }

    @Test("A burst larger than the kept storage is sent whole, in sendmmsg batches, and the next flush still works")
    func burst() throws {
        let receiver = try Receiver(), sender = try Receiver()
        // The receiver must hold the whole burst until it reads it: 4 MB, past the system's default
        // limit (SO_RCVBUFFORCE, which root may use; the tests run as root, as they install packages).
        var buffer: CInt = 4 << 20
        var size = socklen_t(MemoryLayout<CInt>.size)
        setsockopt(receiver.descriptor, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, size)
        getsockopt(receiver.descriptor, SOL_SOCKET, SO_RCVBUF, &buffer, &size)
        try #require(buffer >= 4 << 20, "the receive buffer holds the burst")
        var outbox = DatagramOutbox(socket: sender.descriptor, family: .inet)
        let count = DatagramOutbox.keptCapacity + 100
        for index in 0..<count { outbox.append(Array("\(index)".utf8), to: receiver.address) }
        #expect(outbox.flush().refused == 0)
        var received: [String] = []
        while received.count < count, let datagram = receiver.next() { received.append(String(decoding: datagram, as: UTF8.self)) }
        #expect(received == (0..<count).map { "\($0)" })
        outbox.append(Array("later".utf8), to: receiver.address)
        #expect(outbox.flush().refused == 0)
        #expect(receiver.next() == Array("later".utf8))
    }
}
