import Media
import NIOCore

/// A re-offer on a running stream (RFC 3264 §8): the other side moved its media or changed its
/// payload types or direction, and the stream follows.
extension MediaEngine {
    /// Gives an open stream the remote, payload types and direction negotiated again. It goes on
    /// with its own RTP stream (the same SSRC, sequence numbers and timestamps) to the new remote, its
    /// RTCP to the new RTCP address and port; a stream that could not send and now can plays from its
    /// phase's next slot on, and one that now cannot leaves the schedule. A bridged stream relays to
    /// the new remote with the new payload types.
    public func redirectingStream(_ id: MediaStreamID, negotiated: NegotiatedAudio) -> EventLoopFuture<Void> {
        eventLoop.submit {
            guard let slot = self.slots[id], let stream = self.streams[slot] else { throw MediaEngineError.unknownStream(id) }
            (stream.destination, stream.controlDestination) = try MediaStream.destinations(of: negotiated)
            let sender = stream.sender
            if negotiated.payloadType != sender.payloadType {
                stream.sender = RTPSender(payloadType: negotiated.payloadType, ssrc: sender.ssrc,
                                          sequenceNumber: sender.nextSequenceNumber, timestamp: sender.timestamp)
            }
            if stream.received != (negotiated.payloadType, negotiated.telephoneEventPayloadType) {
                stream.received = (negotiated.payloadType, negotiated.telephoneEventPayloadType)
                stream.receiver = negotiated.telephoneEventPayloadType.map(DTMFReceiver.init(payloadType:))
            }
            if let bridge = stream.bridge {
                stream.bridge = (bridge.peer, bridge.relay.changingPayloadTypes(audio: negotiated.payloadType,
                                                                                telephoneEvent: negotiated.telephoneEventPayloadType))
                return
            }
            guard stream.destination == nil else {
                self.schedule.add(slot, now: self.now())
                self.scheduleTick()
                return
            }
            self.schedule.remove(slot)
            if self.schedule.isIdle {
                self.timer?.cancel()
                self.timer = nil
            }
        }
    }
}
