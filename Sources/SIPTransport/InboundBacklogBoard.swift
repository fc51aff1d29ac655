import Synchronization

/// The latest unread backlog of each shard's UDP sockets, so that the overload guard of every shard
/// judges by all of them: each shard's transport writes its own slot at the end of each batch of
/// reads (one `getsockopt` per batch), any shard reads every slot. One atomic word per slot, no lock.
///
/// With `SO_REUSEPORT` the kernel picks a socket by the sender's address, so the datagrams of one
/// SBC address all queue on one shard's socket, whichever shard owns their calls: when that socket
/// falls behind, every shard's new calls wait behind it, and a shard whose own socket is empty must
/// still refuse. The guard therefore reads the socket closest to full (``fullest()``), not the sum,
/// which would dilute one full socket by the empty ones and let it reach the kernel's drops first.
public final class InboundBacklogBoard: Sendable {
    /// One shard's latest reading: queued bytes in the low 32 bits, capacity in the high 32.
    private final class Slot: Sendable {
        let reading = Atomic<UInt64>(0)
    }

    private let slots: [Slot]

    /// A board for `shards` shards, each with no reading yet (an empty backlog).
    public init(shards: Int) {
        slots = (0..<max(1, shards)).map { _ in Slot() }
    }

    /// Records shard `shard`'s reading, replacing its previous one.
    public func record(_ backlog: InboundBacklog, shard: Int) {
        let queued = min(UInt64(clamping: backlog.queuedBytes), 0xffff_ffff)
        let capacity = min(UInt64(clamping: backlog.capacityBytes), 0xffff_ffff)
        slots[shard].reading.store(queued | capacity << 32, ordering: .relaxed)
    }

    /// The latest reading of the socket whose queue is fullest for its capacity; an empty backlog
    /// before any reading.
    public func fullest() -> InboundBacklog {
        var fullest = InboundBacklog(queuedBytes: 0, capacityBytes: 0)
        for slot in slots {
            let reading = slot.reading.load(ordering: .relaxed)
            let backlog = InboundBacklog(queuedBytes: Int(reading & 0xffff_ffff), capacityBytes: Int(reading >> 32))
            guard backlog.capacityBytes > 0 else { continue }
            if fullest.capacityBytes == 0 || backlog.share > fullest.share { fullest = backlog }
        }
        return fullest
    }
}

extension InboundBacklog {
    /// The share of the capacity queued (0 without a capacity).
    var share: Double { capacityBytes > 0 ? Double(queuedBytes) / Double(capacityBytes) : 0 }
}
