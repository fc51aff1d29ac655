/// Anchored media: the packets received from one party re-sent to the other as the continuation of
/// the stream Switchboard was already sending that party (RFC 3550 §5.1, §8: one SSRC per source,
/// sequence numbers and timestamps continuing from its own). The receiver's jitter buffer sees one
/// source with no jump when the hold music or the whisper gives way to the other party's voice.
///
/// Each relayed packet keeps its place: its sequence number and timestamp are the received ones plus
/// an offset fixed by the first packet of each received source, so a loss, a reordering or a pause
/// of the other party stays what it was. The first packet of a new received source carries the
/// marker bit, as a new talkspurt does (RFC 3551 §4.1). Payload types are mapped to those the leg
/// negotiated (audio to audio, telephone-event to telephone-event, RFC 4733 §2.1); anything else is
/// not relayed.
public struct RTPRelay: Hashable, Sendable {
    /// The SSRC of the stream the relayed packets continue.
    public let ssrc: UInt32
    /// The payload type of the audio on the outgoing leg.
    public private(set) var payloadType: UInt8
    /// The payload type of telephone-event on the outgoing leg, when it negotiated one.
    public private(set) var telephoneEventPayloadType: UInt8?
    /// The received source being relayed, once one was.
    public private(set) var source: UInt32?
    private var nextSequenceNumber: UInt16
    private var nextTimestamp: UInt32
    private var sequenceOffset: UInt16 = 0
    private var timestampOffset: UInt32 = 0

    /// A relay continuing `sender`'s stream: its SSRC, its next sequence number and timestamp.
    public init(continuing sender: RTPSender, telephoneEventPayloadType: UInt8?) {
        ssrc = sender.ssrc
        payloadType = sender.payloadType
        self.telephoneEventPayloadType = telephoneEventPayloadType
        nextSequenceNumber = sender.nextSequenceNumber
        nextTimestamp = sender.timestamp
    }

    /// The sender that goes on with this stream once it is no longer relayed to: the same SSRC, the
    /// sequence number and timestamp after the last packet relayed, its first packet a talkspurt's.
    public var continuation: RTPSender {
        RTPSender(payloadType: payloadType, ssrc: ssrc, sequenceNumber: nextSequenceNumber, timestamp: nextTimestamp)
    }

    /// The relay going on with the payload types the outgoing leg negotiated again (a re-offer).
    public func changingPayloadTypes(audio: UInt8, telephoneEvent: UInt8?) -> RTPRelay {
        var relay = self
        relay.payloadType = audio
        relay.telephoneEventPayloadType = telephoneEvent
        return relay
    }

    /// The header to send a received packet with, or nil when its payload type is neither the
    /// received leg's audio (`audio`) nor its telephone-event (`telephoneEvent`) with a counterpart here.
    public mutating func relay(_ received: RTPHeader, audio: UInt8, telephoneEvent: UInt8?) -> RTPHeader? {
        let outgoing: UInt8
        if received.payloadType == audio {
            outgoing = payloadType
        } else if let telephoneEvent, received.payloadType == telephoneEvent, let mapped = telephoneEventPayloadType {
            outgoing = mapped
        } else {
            return nil
        }
        let newSource = source != received.ssrc
        if newSource {
            source = received.ssrc
            sequenceOffset = nextSequenceNumber &- received.sequenceNumber
            timestampOffset = nextTimestamp &- received.timestamp
        }
        let sequenceNumber = received.sequenceNumber &+ sequenceOffset
        let timestamp = received.timestamp &+ timestampOffset
        if Int16(bitPattern: sequenceNumber &- nextSequenceNumber) >= 0 {
            nextSequenceNumber = sequenceNumber &+ 1
            nextTimestamp = timestamp &+ RTPSender.samplesPerFrame
        }
        return RTPHeader(marker: received.marker || newSource, payloadType: outgoing, sequenceNumber: sequenceNumber,
                         timestamp: timestamp, ssrc: ssrc)
    }
}
