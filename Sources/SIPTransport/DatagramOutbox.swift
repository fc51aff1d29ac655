private import CSockets
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// The datagrams written to one UDP socket and not yet sent: their bytes back to back in one buffer
/// and their destinations as `sockaddr`s, all sent with `sendmmsg` when the transport flushes (at the
/// end of a batch of reads, or at once after a `100 Trying`). Each datagram is copied once, into
/// storage kept from flush to flush, so a datagram costs no allocation, and none of NIO's
/// per-write envelope, pipeline pass and pending-write record.
struct DatagramOutbox {
    /// One queued datagram: its place in `bytes`, and where it goes as `sendmmsg` takes it.
    private struct Pending {
        var span: Range<Int>
        var address = sockaddr_storage()
        var addressLength: socklen_t = 0
    }

    /// The most datagrams whose storage is kept from one flush to the next: a batch of reads (up to
    /// 128 datagrams) answers each with a few.
    static let keptCapacity = 1_024

    /// The socket the datagrams leave from.
    let socket: CInt
    /// The socket's address family: datagrams to an address of this family leave from it.
    let family: NIOBSDSocket.ProtocolFamily
    private var bytes: [UInt8] = []
    private var pending: [Pending] = []
    private var datagrams: [socket_datagram] = []

    /// An empty outbox for `socket`, bound to an address of `family`.
    init(socket: CInt, family: NIOBSDSocket.ProtocolFamily) {
        self.socket = socket
        self.family = family
    }

    /// Whether no datagram waits.
    var isEmpty: Bool { pending.isEmpty }

    /// Queues `datagram` for `destination`.
    mutating func append(_ datagram: [UInt8], to destination: SocketAddress) {
        var entry = Pending(span: bytes.count..<(bytes.count + datagram.count))
        entry.addressLength = destination.withSockAddr { pointer, size in
            withUnsafeMutableBytes(of: &entry.address) { $0.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: size)) }
            return socklen_t(size)
        }
        bytes.append(contentsOf: datagram)
        pending.append(entry)
    }

    /// Sends every queued datagram, in order, and empties the outbox. Returns how many the kernel
    /// refused (a full send buffer refuses the rest of the flush) and the errno of the last refusal.
    mutating func flush() -> (refused: Int, error: CInt) {
        guard !pending.isEmpty else { return (0, 0) }
        var error: CInt = 0
        let sent = bytes.withUnsafeBytes { bytes in
            pending.withUnsafeBufferPointer { pending in
                let addressOffset = MemoryLayout<Pending>.offset(of: \.address) ?? 0
                for index in pending.indices {
                    let address = UnsafeRawPointer(pending.baseAddress! + index) + addressOffset
                    datagrams.append(socket_datagram(bytes: bytes.baseAddress.map { $0 + pending[index].span.lowerBound },
                                                     length: pending[index].span.count,
                                                     address: address.assumingMemoryBound(to: sockaddr.self),
                                                     address_length: pending[index].addressLength))
                }
                return datagrams.withUnsafeBufferPointer { socket_send_datagrams(socket, $0.baseAddress, $0.count, &error) }
            }
        }
        let refused = pending.count - sent
        // The storage is kept for the next flush, unless a burst (retransmissions due at once under
        // overload) grew it past what a batch of reads needs: memory stays bounded after the burst.
        let keep = pending.count <= Self.keptCapacity
        bytes.removeAll(keepingCapacity: keep)
        pending.removeAll(keepingCapacity: keep)
        datagrams.removeAll(keepingCapacity: keep)
        return (refused, error)
    }
}
