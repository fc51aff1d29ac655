import Media
import NIOCore
import SRTP

/// Anchored media: a stream opened before its remote was known (Switchboard's own offer to an agent)
/// is connected to the answer's remote, then bridged to the caller's stream. Once bridged, each stream
/// re-sends what the other receives as the continuation of its own RTP stream (``RTPRelay``) and
/// plays nothing more; telephone-events pass with the leg's own payload type.
extension MediaEngine {
    /// Gives a stream opened with a placeholder remote (`0.0.0.0`: it sends nothing) the remote, codec
    /// and payload types of the answer to Switchboard's offer. It sends nothing until prompts are
    /// played to it or it is bridged.
    public func connectingStream(_ id: MediaStreamID, negotiated: NegotiatedAudio) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let slot = self.slots[id], let stream = self.streams[slot] else { throw MediaEngineError.unknownStream(id) }
            (stream.destination, stream.controlDestination) = try MediaStream.destinations(of: negotiated)
            stream.codec = negotiated.codec
            stream.received = (negotiated.payloadType, negotiated.telephoneEventPayloadType)
            stream.receiver = negotiated.telephoneEventPayloadType.map(DTMFReceiver.init(payloadType:))
            stream.sender = RTPSender(payloadType: negotiated.payloadType, using: &self.generator)
        }
    }

    /// Bridges two open streams once `whisper` has played on `second` (the first goes on playing what
    /// it plays meanwhile); with no whisper, or when `second` does not send, at once.
    public func bridging(_ first: MediaStreamID, _ second: MediaStreamID, whisper: [Prompt]) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let one = self.slots[first], self.streams[one] != nil else { throw MediaEngineError.unknownStream(first) }
            guard let other = self.slots[second], let stream = self.streams[other] else { throw MediaEngineError.unknownStream(second) }
            guard !whisper.isEmpty, stream.destination != nil else {
                self.join(one, other)
                return
            }
            stream.queue(whisper)
            stream.pendingBridge = one
            self.schedule.add(other, now: self.now())
            self.scheduleTick()
        }
    }

    /// Joins two streams: both leave the schedule and drop what they had still to play, and each
    /// relays the other's packets from now on, continuing its own sequence numbers and timestamps.
    func join(_ one: Int, _ other: Int) {
        for (slot, peer) in [(one, other), (other, one)] {
            guard let stream = streams[slot] else { continue }
            schedule.remove(slot)
            stream.announcements.removeAll()
            stream.pendingBridge = nil
            stream.bridge = (peer, RTPRelay(continuing: stream.sender, telephoneEventPayloadType: stream.received.telephoneEvent))
        }
        if schedule.isIdle {
            timer?.cancel()
            timer = nil
        }
        logger.debug("media streams bridged", metadata: ["media.streams": "\(streams[one]?.id.rawValue ?? "-") \(streams[other]?.id.rawValue ?? "-")"])
    }

    /// Takes a stream out of its bridge (the agent transferred the caller away): it relays nothing
    /// more, nor does its peer to it, and it goes back on the schedule to play what it is given, its
    /// music from the loop's current position, as the continuation of the RTP stream it sent (the same
    /// SSRC, the sequence number after the last packet relayed, the first packet a talkspurt's). A
    /// stream whose bridge was still waiting for a whisper stays out of it. Nothing for a stream not bridged.
    public func unbridgingStream(_ id: MediaStreamID) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let slot = self.slots[id], let stream = self.streams[slot] else { throw MediaEngineError.unknownStream(id) }
            for (index, other) in self.streams where other.pendingBridge == slot { self.leaveBridge(index) }
            if let peer = stream.bridge?.peer, self.streams[peer]?.bridge?.peer == slot { self.leaveBridge(peer) }
            self.leaveBridge(slot)
        }
    }

    /// One stream leaves its bridge and, when it sends, plays from its phase's next slot on.
    private func leaveBridge(_ slot: Int) {
        guard let stream = streams[slot] else { return }
        stream.pendingBridge = nil
        if let relay = stream.bridge?.relay {
            stream.bridge = nil
            stream.sender = relay.continuation
        }
        guard stream.destination != nil else { return }
        schedule.add(slot, now: now())
        scheduleTick()
    }

    /// Re-sends a packet `source` received on the stream bridged to it, when that stream sends.
    func relay(_ packet: RTPPacket, from source: MediaStream, to peer: Int) {
        guard let target = streams[peer], let destination = target.destination, var bridge = target.bridge,
              let header = bridge.relay.relay(packet.header, audio: source.received.audio, telephoneEvent: source.received.telephoneEvent)
        else { return }
        target.bridge = bridge
        var bytes = target.channel.allocator.buffer(capacity: 12 + packet.payload.count + SRTPContext.maximumTrailerLength)
        bytes.writeRTPFixedHeader(header)
        bytes.writeBytes(packet.payload)
        if let srtp = target.srtp, !protect(&bytes, with: srtp.outbound) { return }
        target.channel.writeAndFlush(AddressedEnvelope(remoteAddress: destination, data: bytes), promise: nil)
        target.counters.packetsRelayed += 1
        target.counters.octetsSent += packet.payload.count
        totals.octetsSent += packet.payload.count
        totals.packetsRelayed += 1
        let now = self.now()
        target.lastRelayed = (header.timestamp, now)
        reportIfDue(target, now: now)
    }
}
