import NIOCore

/// Reads SIP datagrams from a UDP listener and hands each to the transport, a new call's INVITE
/// first.
///
/// One read takes a batch of datagrams from the socket (`recvmmsg`), and each is handled fully
/// (parse, transaction, call, routing) before the next. A new call's `100 Trying` (RFC 3261
/// §17.2.1: sent at once, so the caller stops retransmitting) would wait behind the work of every
/// datagram read before it in the batch; so once the batch has been read (`channelReadComplete`)
/// the INVITEs outside any dialog go up first. When a read holds several, each would still wait for
/// the parse and the call of those before it, so each is first answered its 100 from its bytes
/// before any parse (`answerNewCallEarly`) and those 100s are sent together. A read with a single
/// new call hands it up as it is: its 100 waits only for its own parse, so answering it from its
/// bytes would gain nothing, which is the common case at low call rates. The other datagrams go up after the new calls, in the order they came. They wait as the buffers
/// NIO read them into, not copies: NIO takes each `recvmmsg` of a read into a buffer of its own
/// (its pool holds one per read of the batch), so holding them until the batch ends makes it copy
/// nothing. An INVITE whose Call-ID matches a datagram still waiting waits behind it, so the
/// messages of one call keep their order.
///
/// A new call's INVITE that arrives while a batch is being handled would wait in the socket until
/// the next read, and a batch of 32 datagrams is over a millisecond of work. So the waiting
/// datagrams are handled in slices of `slice`: between two, what was written is sent, and what has
/// arrived meanwhile is read (`readAhead`, one `recvmmsg` that does not block); its new calls go up
/// first (answered from their bytes when there are several), and the rest joins the queue behind
/// what already waits. Reading ahead stops once `waitingLimit` datagrams wait: reading further
/// would only move the socket's queue, which the overload guard watches, into memory it does not;
/// and a batch reads ahead at most `readAheadLimit` datagrams, so that it ends under any load.
///
/// The transport is told when a batch begins and when it has all been handed up
/// (`readBatchBegan`, `readBatchEnded`), so that the layers above can put off what a new call does
/// after its `100 Trying` until the other INVITEs read with it have had theirs.
///
/// Each datagram's sender arrives as a new `SocketAddress`, whose storage is a heap box, and every
/// transaction the datagram starts keeps it as its source for as long as it lingers (64·T1). A UDP
/// listener hears from a few peers (the SBC's addresses), so the handler keeps the last few it saw
/// and hands on the one it already holds when the sender is one of them: one box per peer, not one
/// per transaction.
final class SIPDatagramHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    /// A datagram of the batch being read, held until the batch ends.
    private struct Waiting {
        let bytes: ByteBuffer
        let source: SIPPeerAddress
        /// Its Call-ID's range in `bytes`, if the scan found one.
        let callID: Range<Int>?
    }

    /// How many recent senders are remembered.
    private static let recentPeerLimit = 4
    /// How long waiting datagrams are handled before the socket is read again, in nanoseconds.
    static let slice: UInt64 = 200_000
    /// How many datagrams may wait before reading ahead stops.
    static let waitingLimit = 64
    /// How many datagrams one batch may read ahead, so that a batch ends under any load and the
    /// loop's other work (timers, flushes, other channels) runs.
    static let readAheadLimit = 32

    private unowned let transport: SIPTransport
    /// Up to so many of the datagrams already waiting on the socket (a test's own queue in tests).
    private let readAhead: (Int) -> [AddressedEnvelope<ByteBuffer>]
    /// The loop's monotonic clock in nanoseconds (a test's own clock in tests).
    private let clock: () -> UInt64
    /// Recent senders; a new one takes the place of the oldest.
    private var recentPeers: [SIPPeerAddress] = []
    private var oldestPeer = 0
    /// The datagrams read other than new calls' INVITEs, in the order they were read; those from
    /// `firstWaiting` on are not handled yet.
    private var waiting: [Waiting] = []
    private var firstWaiting = 0
    /// New calls' INVITEs read and not handed up yet, in the order they were read; they go up
    /// before the datagrams waiting.
    private var newCalls: [Waiting] = []
    /// Whether a batch is being read: the transport was told it began, and is yet to be told it ended.
    private var readingBatch = false

    init(transport: SIPTransport, readAhead: @escaping (Int) -> [AddressedEnvelope<ByteBuffer>],
         clock: @escaping () -> UInt64 = { NIODeadline.now().uptimeNanoseconds }) {
        self.transport = transport
        self.readAhead = readAhead
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !readingBatch {
            readingBatch = true
            transport.readBatchBegan()
        }
        take(unwrapInboundIn(data))
    }

    /// A new call's INVITE joins the new calls, any other datagram the queue.
    private func take(_ envelope: AddressedEnvelope<ByteBuffer>) {
        let source = peer(at: envelope.remoteAddress)
        envelope.data.withUnsafeReadableBytes { bytes in
            let callID = SIPHeaderScan.callID(in: bytes)
            if SIPHeaderScan.isInitialInvite(bytes), let callID, !isWaiting(callID: bytes[callID]) {
                newCalls.append(Waiting(bytes: envelope.data, source: source, callID: callID))
            } else {
                waiting.append(Waiting(bytes: envelope.data, source: source, callID: callID))
            }
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        handUpNewCalls()
        var sliceStart = clock()
        var readAheadLeft = Self.readAheadLimit
        while firstWaiting < waiting.count {
            let datagram = waiting[firstWaiting]
            firstWaiting += 1
            datagram.bytes.withUnsafeReadableBytes { transport.receive($0, from: datagram.source) }
            if readAheadLeft > 0, clock() &- sliceStart >= Self.slice {
                transport.flushNow()
                readWaitingDatagrams(atMost: &readAheadLeft)
                handUpNewCalls()
                sliceStart = clock()
            }
        }
        waiting.removeAll(keepingCapacity: true)
        firstWaiting = 0
        readingBatch = false
        transport.readBatchEnded()
        context.fireChannelReadComplete()
    }

    /// Hands up the new calls' INVITEs read so far, in the order they were read; when there are
    /// several, each is first answered `100 Trying` from its bytes and those 100s are sent.
    private func handUpNewCalls() {
        guard !newCalls.isEmpty else { return }
        if newCalls.count > 1 {
            for invite in newCalls {
                _ = invite.bytes.withUnsafeReadableBytes { transport.answerNewCallEarly($0, from: invite.source) }
            }
            transport.flushNow()
        }
        for invite in newCalls {
            invite.bytes.withUnsafeReadableBytes { transport.receive($0, from: invite.source) }
        }
        newCalls.removeAll(keepingCapacity: true)
    }

    /// Takes what has arrived on the socket since the batch was read: no more than `limit`, and no
    /// more than would make `waitingLimit` datagrams wait.
    private func readWaitingDatagrams(atMost limit: inout Int) {
        let room = min(limit, Self.waitingLimit - (waiting.count - firstWaiting))
        guard room > 0 else { return }
        let arrived = readAhead(room)
        limit -= arrived.count
        arrived.forEach(take)
    }

    /// Whether a datagram of the batch with this Call-ID (or one the scan could not place) still
    /// waits, or a new call's INVITE with it waits to go up.
    private func isWaiting(callID: Slice<UnsafeRawBufferPointer>) -> Bool {
        let matches = { (datagram: Waiting) in
            guard let range = datagram.callID else { return true }
            return datagram.bytes.withUnsafeReadableBytes { $0[range].elementsEqual(callID) }
        }
        return newCalls.contains(where: matches) || waiting[firstWaiting...].contains(where: matches)
    }

    /// The sender as a peer address, the one already held when it is a recent sender.
    private func peer(at address: SocketAddress) -> SIPPeerAddress {
        if let known = recentPeers.first(where: { $0.address == address }) { return known }
        let peer = SIPPeerAddress(transport: .udp, address: address)
        if recentPeers.count < Self.recentPeerLimit {
            recentPeers.append(peer)
        } else {
            recentPeers[oldestPeer] = peer
            oldestPeer = (oldestPeer + 1) % Self.recentPeerLimit
        }
        return peer
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        transport.logger.debug("UDP read error", metadata: ["sip.error": "\(error)"])
    }
}
