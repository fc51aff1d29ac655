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
    /// Where a datagram goes, as `sendmmsg` takes it.
    private struct Destination {
        var address = sockaddr_storage()
        var length: socklen_t = 0
    }

    /// The most datagrams whose storage is kept from one flush to the next: a batch of reads (up to
    /// 128 datagrams) answers each with a few.
    static let keptCapacity = 1_024

    /// The socket the datagrams leave from.
    let socket: CInt
    /// The socket's address family: datagrams to an address of this family leave from it.
    let family: NIOBSDSocket.ProtocolFamily
    private var bytes: [UInt8] = []
    private var spans: [Range<Int>] = []
    private var destinations: [Destination] = []
    private var datagrams: [socket_datagram] = []

    /// An empty outbox for `socket`, bound to an address of `family`.
    init(socket: CInt, family: NIOBSDSocket.ProtocolFamily) {
        self.socket = socket
        self.family = family
    }

    /// Whether no datagram waits.
    var isEmpty: Bool { spans.isEmpty }

    /// Queues `datagram` for `destination`.
    mutating func append(_ datagram: [UInt8], to destination: SocketAddress) {
        var entry = Destination()
        entry.length = destination.withSockAddr { pointer, size in
            withUnsafeMutableBytes(of: &entry.address) { $0.copyMemory(from: UnsafeRawBufferPointer(start: pointer, count: size)) }
            return socklen_t(size)
        }
        spans.append(bytes.count..<(bytes.count + datagram.count))
        bytes.append(contentsOf: datagram)
        destinations.append(entry)
    }

    /// Sends every queued datagram, in order, and empties the outbox. Returns how many the kernel
    /// refused (a full send buffer refuses the rest of the flush) and the errno of the last refusal.
    mutating func flush() -> (refused: Int, error: CInt) {
        guard !spans.isEmpty else { return (0, 0) }
        var error: CInt = 0
        let sent = bytes.withUnsafeBytes { bytes in
            destinations.withUnsafeBufferPointer { destinations in
                let addressOffset = MemoryLayout<Destination>.offset(of: \.address) ?? 0
                for (span, index) in zip(spans, destinations.indices) {
                    let address = UnsafeRawPointer(destinations.baseAddress! + index) + addressOffset
                    datagrams.append(socket_datagram(bytes: bytes.baseAddress.map { $0 + span.lowerBound }, length: span.count,
                                                     address: address.assumingMemoryBound(to: sockaddr.self),
                                                     address_length: destinations[index].length))
                }
                return datagrams.withUnsafeBufferPointer { socket_send_datagrams(socket, $0.baseAddress, $0.count, &error) }
            }
        }
        let refused = spans.count - sent
        // The storage is kept for the next flush, unless a burst (retransmissions due at once under
        // overload) grew it past what a batch of reads needs: memory stays bounded after the burst.
        let keep = spans.count <= Self.keptCapacity
        bytes.removeAll(keepingCapacity: keep)
        spans.removeAll(keepingCapacity: keep)
        destinations.removeAll(keepingCapacity: keep)
        datagrams.removeAll(keepingCapacity: keep)
        return (refused, error)
    }
}
