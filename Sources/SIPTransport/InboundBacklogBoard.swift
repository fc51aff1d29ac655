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
///
/// A datagram one shard reads for a call another shard owns waits in that shard's task queue, which
/// no socket reading sees; the board counts those bytes too (``handedOver(_:to:)`` when one is
/// handed over, ``caughtUp(_:on:)`` once it is handled), as part of the owning shard's backlog.
public final class InboundBacklogBoard: Sendable {
    /// One shard's latest socket reading (queued bytes in the low 32 bits, capacity in the high 32),
    /// and the bytes handed over to it from other shards and not yet handled.
    private final class Slot: Sendable {
        let reading = Atomic<UInt64>(0)
        let handedOver = Atomic<Int>(0)
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

    /// Counts `bytes` handed over to shard `shard`'s loop, waiting there to be handled.
    public func handedOver(_ bytes: Int, to shard: Int) {
        slots[shard].handedOver.add(bytes, ordering: .relaxed)
    }

    /// Shard `shard` handled `bytes` that were handed over to it.
    public func caughtUp(_ bytes: Int, on shard: Int) {
        slots[shard].handedOver.subtract(bytes, ordering: .relaxed)
    }

    /// The backlog of the shard furthest behind for its socket's capacity: its socket's latest
    /// reading plus what was handed over to it and not yet handled; an empty backlog before any reading.
    public func fullest() -> InboundBacklog {
        var fullest = InboundBacklog(queuedBytes: 0, capacityBytes: 0)
        for slot in slots {
            let reading = slot.reading.load(ordering: .relaxed)
            let handedOver = max(slot.handedOver.load(ordering: .relaxed), 0)
            let backlog = InboundBacklog(queuedBytes: Int(reading & 0xffff_ffff) + handedOver, capacityBytes: Int(reading >> 32))
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
