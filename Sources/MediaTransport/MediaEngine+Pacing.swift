import Media
import NIOCore

extension MediaEngine {
    /// Arms the one timer at the schedule's next tick, unless it is armed or no stream sends. The
    /// loop's scheduled callback allocates nothing per tick (a scheduled task would allocate its
    /// closure, promise and future, a thousand times a second).
    func scheduleTick() {
        guard timer == nil, !schedule.isIdle else { return }
        let deadline = NIODeadline.uptimeNanoseconds(origin &+ UInt64(max(schedule.nextTick.wholeNanoseconds, 0)))
        timer = try? eventLoop.scheduleCallback(at: deadline, handler: tickWaker)
    }

    /// The timer's tick: the streams due are sent, then the timer is armed for the next.
    fileprivate func tickDue() {
        timer = nil
        runTick()
        scheduleTick()
    }

    /// One tick for the streams due: each stream's packets are built in the tick's buffer with its
    /// sender and sent at once (its RTCP report then sent when due); then every music loop moves on by
    /// the periods that ended.
    func runTick() {
        let now = self.now()
        let tick = schedule.tick(now: now)
        guard tick.slots > 0 else { return }
        if tick.slots > 1 { totals.lateTicks += 1 }
        for due in tick.due {
            guard let stream = streams[due.stream], stream.bridge == nil else { continue }
            totals.packetsSkipped += due.skipped
            stream.sender.skipFrames(due.skipped)
            var sent = 0
            for offset in due.period..<(due.period + due.frames) {
                guard let frame = stream.nextFrame(offset: offset, loops: loops) else {
                    stream.sender.skipFrames()
                    continue
                }
                tickBuffer.clear()
                tickBuffer.writeRTPFixedHeader(stream.sender.audioPacket([]).header)
                tickBuffer.writeBytes(frame)
                if let srtp = stream.srtp, !protectPacket(from: 0, with: srtp.outbound) { continue }
                sendTickBuffer(from: stream)
                sent += 1
            }
            stream.counters.packetsSent += sent
            stream.counters.octetsSent += sent * Prompt.frameByteCount
            totals.packetsSent += sent
            totals.octetsSent += sent * Prompt.frameByteCount
            totals.packetsCaughtUp += max(sent - 1, 0)
            reportIfDue(stream, now: now)
            if let peer = stream.pendingBridge, stream.announcements.isEmpty { join(peer, due.stream) }
        }
        for index in loops.indices { loops[index].advance(by: tick.boundaries) }
    }

    /// Sends the packet in the tick's buffer with one `sendto` on the stream's sending socket
    /// (``DirectSocket``), skipping NIO; a packet the system refuses is counted.
    private func sendTickBuffer(from stream: MediaStream) {
        guard let destination = stream.rawDestination else { return }
        if !tickBuffer.withUnsafeReadableBytes({ destination.send($0, from: stream.sendingSocket) }) { totals.sendFailures += 1 }
    }
}

/// What the loop calls back at the engine's ticks; it holds the engine weakly, as the loop holds it
/// until it fires. Confined to the engine's loop.
final class TickWaker: NIOScheduledCallbackHandler, @unchecked Sendable {
    weak var engine: MediaEngine?

    func handleScheduledCallback(eventLoop: some EventLoop) {
        engine?.tickDue()
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var wholeNanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
