private import CSockets
import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads what already waits on a UDP listener's socket, with one `recvmmsg` that does not block,
/// beside NIO's own reads of the same socket: ``SIPDatagramHandler`` uses it between slices of a
/// long batch, so a new call's INVITE does not wait for the whole batch.
final class DatagramSocketReader {
    /// The most datagrams one read takes.
    static let readLimit = 16

    private let socket: CInt
    private let maximumMessageSize: Int
    /// Where the datagrams land before they are copied into a buffer of their total size; each has
    /// room for the largest message the transport takes, as in NIO's reads. Raw memory, never
    /// cleared, so that only the pages datagrams have been written to take memory.
    private let scratch: UnsafeMutableRawBufferPointer
    private var received: [socket_received_datagram]

    init(socket: CInt, maximumMessageSize: Int) {
        self.socket = socket
        self.maximumMessageSize = maximumMessageSize
        self.scratch = .allocate(byteCount: maximumMessageSize * Self.readLimit, alignment: 16)
        self.received = [socket_received_datagram](repeating: socket_received_datagram(), count: Self.readLimit)
    }

    deinit {
        scratch.deallocate()
    }

    /// Up to `limit` (at most `readLimit`) of the datagrams waiting, in the order they arrived;
    /// none when none waits. A datagram from an address of neither IP family is left out. The
    /// datagrams of one read are copied into one buffer, each handed on as its own slice of it.
    func read(atMost limit: Int) -> [AddressedEnvelope<ByteBuffer>] {
        received.withUnsafeMutableBufferPointer { received in
            let room = min(limit, Self.readLimit)
            for index in 0..<room {
                received[index].bytes = scratch.baseAddress! + index * maximumMessageSize
                received[index].capacity = maximumMessageSize
            }
            let datagrams = received[..<socket_receive_datagrams(socket, received.baseAddress, room)]
            var buffer = ByteBufferAllocator().buffer(capacity: datagrams.reduce(0) { $0 + $1.length })
            return datagrams.compactMap { datagram in
                guard let source = Self.address(datagram.source) else { return nil }
                let start = buffer.writerIndex
                buffer.writeBytes(UnsafeRawBufferPointer(start: datagram.bytes, count: datagram.length))
                return AddressedEnvelope(remoteAddress: source, data: buffer.getSlice(at: start, length: datagram.length)!)
            }
        }
    }

    private static func address(_ storage: sockaddr_storage) -> SocketAddress? {
        let family = CInt(storage.ss_family)
        return withUnsafeBytes(of: storage) { bytes in
            switch family {
            case AF_INET: SocketAddress(bytes.load(as: sockaddr_in.self))
            case AF_INET6: SocketAddress(bytes.load(as: sockaddr_in6.self))
            default: nil
            }
        }
    }
}
