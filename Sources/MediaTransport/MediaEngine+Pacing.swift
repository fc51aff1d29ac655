import Media
import NIOCore

extension MediaEngine {
    /// Arms the one timer at the schedule's next tick, unless it is armed or no stream sends.
    func scheduleTick() {
        guard timer == nil, !schedule.isIdle else { return }
        let deadline = NIODeadline.uptimeNanoseconds(origin &+ UInt64(max(schedule.nextTick.wholeNanoseconds, 0)))
        timer = eventLoop.scheduleTask(deadline: deadline) {
            self.timer = nil
            self.runTick()
            self.scheduleTick()
        }
    }

    /// One tick for the streams due: each stream's packets are built into the tick's buffer with its
    /// sender (its RTCP report sent when due), then sent; then every music loop moves on by the
    /// periods that ended.
    func runTick() {
        let now = self.now()
        let tick = schedule.tick(now: now)
        guard tick.slots > 0 else { return }
        if tick.slots > 1 { totals.lateTicks += 1 }
        tickBuffer.clear()
        outgoing.removeAll(keepingCapacity: true)
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
                let start = tickBuffer.writerIndex
                tickBuffer.writeRTPFixedHeader(stream.sender.audioPacket([]).header)
                tickBuffer.writeBytes(frame)
                if let srtp = stream.srtp, !protectPacket(from: start, with: srtp.outbound) { continue }
                outgoing.append((stream, start, tickBuffer.writerIndex - start))
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
        writeOutgoing()
        for index in loops.indices { loops[index].advance(by: tick.boundaries) }
    }

    /// Sends the tick's packets from the one buffer, each with one `sendto` on its stream's sending
    /// socket (``DirectSocket``); a packet the system refuses is counted.
    private func writeOutgoing() {
        let readerIndex = tickBuffer.readerIndex
        let refused = tickBuffer.withUnsafeReadableBytes { bytes in
            var refused = 0
            for (stream, start, length) in outgoing {
                guard let destination = stream.rawDestination else { continue }
                let packet = UnsafeRawBufferPointer(rebasing: bytes[(start - readerIndex)..<(start - readerIndex + length)])
                if !destination.send(packet, from: stream.sendingSocket) { refused += 1 }
            }
            return refused
        }
        totals.sendFailures += refused
        outgoing.removeAll(keepingCapacity: true)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var wholeNanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
