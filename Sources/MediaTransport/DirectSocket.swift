private import CSockets
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// A stream's RTP port as the engine opens it: two UDP sockets bound to the same address and port
/// (`SO_REUSEPORT`). The first receives: it is handed to NIO for reading (`withBoundSocket`), and a
/// program attached to the pair gives it every datagram that arrives. The second only sends: the
/// pacing tick writes each packet to it with one `sendto`, skipping NIO's pipeline, envelope and
/// pending-write queue, which cost each packet as much as the system call itself; relays and RTCP
/// still go through the channel.
///
/// The sending socket is apart because a socket that epoll watches makes every packet sent from it
/// dearer: when the kernel frees a sent packet it wakes the socket's waiters for write space, and the
/// epoll entry is one, so each packet takes the wait queue's lock (with interrupts off) and calls
/// epoll's callback, which then finds nothing it asked for. A socket no one waits on skips all that.
enum DirectSocket {
    /// Binds the receiving and the sending socket of a port, non-blocking, in that order; throws
    /// `EADDRINUSE` when any socket holds the port already, ours or another process's.
    static func boundPair(to address: SocketAddress) throws -> (receiving: CInt, sending: CInt) {
        // A port another process shares with SO_REUSEPORT would take one of ours into its group
        // silently: a first bind without it fails instead when anyone holds the port.
        close(try bound(to: address, sharing: false))
        let receiving = try bound(to: address, sharing: true, steering: true)
        do {
            return (receiving, try bound(to: address, sharing: true))
        } catch {
            close(receiving)
            throw error
        }
    }

    /// A non-blocking UDP socket bound to `address`: with `sharing`, in a SO_REUSEPORT group; with
    /// `steering`, as the group's first socket, which gets every datagram.
    private static func bound(to address: SocketAddress, sharing: Bool, steering: Bool = false) throws -> CInt {
        let shared = sharing ? [SO_REUSEPORT] : []
        var failedStep: UnsafePointer<CChar>?
        let descriptor = address.withSockAddr { pointer, length in
            socket_open_datagram(pointer, socklen_t(length), shared, [1], shared.count, steering ? 1 : 0, &failedStep)
        }
        if descriptor < 0 { throw IOError(errnoCode: errno, reason: failedStep.map { String(cString: $0) } ?? "socket") }
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
