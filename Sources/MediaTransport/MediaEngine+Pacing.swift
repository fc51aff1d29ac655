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

    /// One tick for every stream due: each stream's packets are built into the tick's buffer with its
    /// sender, then written, with one flush per stream's socket; then every music loop moves on by
    /// the boundaries that passed.
    func runTick() {
        let tick = schedule.tick(now: now())
        guard tick.boundaries > 0 else { return }
        if tick.boundaries > 1 { totals.lateTicks += 1 }
        tickBuffer.clear()
        outgoing.removeAll(keepingCapacity: true)
        for due in tick.due {
            guard let stream = streams[due.stream], stream.bridge == nil else { continue }
            totals.packetsSkipped += due.skipped
            stream.sender.skipFrames(due.skipped)
            var sent = 0
            for offset in (tick.boundaries - due.frames)..<tick.boundaries {
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
            totals.packetsSent += sent
            totals.packetsCaughtUp += max(sent - 1, 0)
            if let peer = stream.pendingBridge, stream.announcements.isEmpty { join(peer, due.stream) }
        }
        writeOutgoing()
        for index in loops.indices { loops[index].advance(by: tick.boundaries) }
    }

    /// Writes the tick's packets as slices of the one buffer, flushing each socket once after its last.
    private func writeOutgoing() {
        for index in outgoing.indices {
            let (stream, start, length) = outgoing[index]
            guard let destination = stream.destination, let bytes = tickBuffer.getSlice(at: start, length: length) else { continue }
            stream.channel.write(AddressedEnvelope(remoteAddress: destination, data: bytes), promise: nil)
            if index + 1 == outgoing.count || outgoing[index + 1].stream !== stream { stream.channel.flush() }
        }
        outgoing.removeAll(keepingCapacity: true)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var wholeNanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
