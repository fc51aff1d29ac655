import NIOCore
import NIOPosix

extension SIPTransport {
    /// `SO_MEMINFO` (Linux, `asm-generic/socket.h`, since 4.6): an array of 32-bit values, of which the
    /// first is the receive queue's allocated bytes (`SK_MEMINFO_RMEM_ALLOC`) and the second the limit
    /// they are held against (`SK_MEMINFO_RCVBUF`). The kernel copies as many bytes as the caller's
    /// buffer holds, so a 64-bit option value carries exactly those two: the first in its low half on
    /// the little-endian machines Switchboard runs on.
    private static let memoryInfo = NIOBSDSocket.Option(rawValue: 55)

    /// The UDP listeners' unread backlog, read from the kernel now (one `getsockopt` per listener).
    /// Call on the transport's loop.
    public func udpBacklog() -> InboundBacklog {
        eventLoop.preconditionInEventLoop()
        var backlog = InboundBacklog(queuedBytes: 0, capacityBytes: 0)
        for channel in datagramChannels {
            guard let value = try? channel.syncOptions?.getOption(.socketOption(Self.memoryInfo)) else { continue }
            let pair = UInt64(truncatingIfNeeded: value)
            backlog.queuedBytes += Int(pair & 0xffff_ffff)
            backlog.capacityBytes += Int(pair >> 32)
        }
        return backlog
    }

    /// A UDP listener starts handing up a batch of reads.
    func readBatchBegan() {
        onReadBatchBegan?()
    }

    /// A UDP listener has handed up its batch of reads: the layers above finish what they put off
    /// (`onReadBatchEnded`), then the UDP backlog is posted to `backlogBoard`, if any, as what is left
    /// queued is what the loop has yet to catch up with.
    func readBatchEnded() {
        onReadBatchEnded?()
        guard let backlogBoard else { return }
        backlogBoard.record(udpBacklog(), shard: backlogSlot)
    }
}
