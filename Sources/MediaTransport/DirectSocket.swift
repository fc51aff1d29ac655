import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// A stream's RTP socket as the engine opens it: bound here, handed to NIO for reading
/// (`withBoundSocket`), and written by the pacing tick with one `sendto` per packet. The tick's
/// packets thus skip NIO's pipeline, envelope and pending-write queue, which cost each packet as much
/// as the system call itself; relays and RTCP still go through the channel.
enum DirectSocket {
    /// A non-blocking UDP socket bound to `address`: its descriptor, for the caller to hand to NIO.
    static func bound(to address: SocketAddress) throws -> CInt {
        let type = CInt(SOCK_DGRAM.rawValue) | CInt(SOCK_NONBLOCK.rawValue) | CInt(SOCK_CLOEXEC.rawValue)
        let descriptor = socket(address.protocol.rawValue, type, 0)
        guard descriptor >= 0 else { throw IOError(errnoCode: errno, reason: "socket") }
        guard address.withSockAddr({ bind(descriptor, $0, socklen_t($1)) }) == 0 else {
            let code = errno
            close(descriptor)
            throw IOError(errnoCode: code, reason: "bind")
        }
        return descriptor
    }
}

/// A destination converted once to the `sockaddr` that `sendto` takes.
struct RawSocketAddress {
    private var storage = sockaddr_storage()
    private let length: socklen_t

    init(_ address: SocketAddress) {
        var storage = sockaddr_storage()
        length = address.withSockAddr { pointer, size in
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: size)) }
            return socklen_t(size)
        }
        self.storage = storage
    }

    /// Sends `datagram` from the socket `descriptor` to this address without waiting; false when the
    /// system refuses it (its send buffer full, no route).
    func send(_ datagram: UnsafeRawBufferPointer, from descriptor: CInt) -> Bool {
        withUnsafePointer(to: storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                sendto(descriptor, datagram.baseAddress, datagram.count, CInt(MSG_DONTWAIT), address, length) == datagram.count
            }
        }
    }
}
