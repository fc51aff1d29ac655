import NIOCore
#if canImport(Glibc)
import Glibc
#endif

/// Reads what already waits on a UDP listener's socket, one datagram per `recvfrom` and without
/// blocking, beside NIO's own reads of the same socket: ``SIPDatagramHandler`` uses it between
/// slices of a long batch, so a new call's INVITE does not wait for the whole batch.
final class DatagramSocketReader {
    private let socket: CInt
    /// Where each datagram lands before it is copied into a buffer of its own size; as large as the
    /// largest message the transport takes, as NIO's reads are.
    private var scratch: [UInt8]

    init(socket: CInt, maximumMessageSize: Int) {
        self.socket = socket
        self.scratch = [UInt8](repeating: 0, count: maximumMessageSize)
    }

    /// The next datagram waiting, or nil when none waits (or the socket reports an error, which
    /// NIO's next read would only log).
    func next() -> AddressedEnvelope<ByteBuffer>? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let count = scratch.withUnsafeMutableBytes { buffer in
            withUnsafeMutablePointer(to: &storage) { address in
                address.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(socket, buffer.baseAddress, buffer.count, CInt(MSG_DONTWAIT), $0, &length)
                }
            }
        }
        guard count >= 0, let source = Self.address(storage) else { return nil }
        return AddressedEnvelope(remoteAddress: source, data: scratch.withUnsafeBytes { ByteBuffer(bytes: $0[..<count]) })
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
