/// The sending side of one RTP stream (RFC 3550 §5.1): its SSRC, the next sequence number and the
/// timestamp of the current 20 ms frame.
///
/// The SSRC, the first sequence number and the first timestamp are random, as RFC 3550 §5.1 and §8
/// say they should be; the generator is injected so tests replay a stream. Every frame moves the
/// timestamp 160 units (20 ms at 8,000 Hz, RFC 3551 §4.5.14) whether a packet is sent or not, and the
/// first packet after silence carries the marker bit (RFC 3551 §4.1).
public struct RTPSender: Hashable, Sendable {
    /// The timestamp units of one 20 ms G.711 frame.
    public static let samplesPerFrame: UInt32 = 160

    /// The synchronization source of the stream.
    public let ssrc: UInt32
    /// The payload type of the stream's audio (0 for PCMU, 8 for PCMA, or the negotiated type).
    public let payloadType: UInt8
    /// The sequence number the next packet takes.
    public private(set) var nextSequenceNumber: UInt16
    /// The timestamp of the current frame: the one the next audio packet carries.
    public private(set) var timestamp: UInt32
    /// Whether the next audio packet starts a talkspurt (the first packet, or the first after silence).
    public private(set) var startsTalkspurt = true

    /// Creates a stream with a random SSRC, first sequence number and first timestamp.
    public init(payloadType: UInt8, using generator: inout some RandomNumberGenerator) {
        self.init(payloadType: payloadType, ssrc: .random(in: .min ... .max, using: &generator),
                  sequenceNumber: .random(in: .min ... .max, using: &generator),
                  timestamp: .random(in: .min ... .max, using: &generator))
    }

    /// Creates a stream with a given SSRC, first sequence number and first timestamp.
    public init(payloadType: UInt8, ssrc: UInt32, sequenceNumber: UInt16, timestamp: UInt32) {
        self.payloadType = payloadType
        self.ssrc = ssrc
        self.nextSequenceNumber = sequenceNumber
        self.timestamp = timestamp
    }

    /// The packet of the current frame's audio; moves to the next frame.
    public mutating func audioPacket(_ payload: [UInt8]) -> RTPPacket {
        let packet = makePacket(payloadType: payloadType, marker: startsTalkspurt, timestamp: timestamp, payload: payload)
        startsTalkspurt = false
        timestamp &+= Self.samplesPerFrame
        return packet
    }

    /// Sends nothing for the current frame (silence suppressed, or a frame dropped by pacing) and moves
    /// to the next; the next audio packet starts a new talkspurt.
    public mutating func skipFrames(_ count: Int = 1) {
        guard count > 0 else { return }
        timestamp &+= Self.samplesPerFrame &* UInt32(truncatingIfNeeded: count)
        startsTalkspurt = true
    }

    /// A packet of another payload type in this stream's sequence (a telephone-event carries its
    /// event's first timestamp, RFC 4733 §2.5.1.2) sent in place of the current frame's audio; moves
    /// to the next frame without starting a new talkspurt.
    public mutating func packetReplacingFrame(payloadType: UInt8, marker: Bool, timestamp eventTimestamp: UInt32,
                                              payload: [UInt8]) -> RTPPacket {
        let packet = makePacket(payloadType: payloadType, marker: marker, timestamp: eventTimestamp, payload: payload)
        timestamp &+= Self.samplesPerFrame
        return packet
    }

    private mutating func makePacket(payloadType: UInt8, marker: Bool, timestamp: UInt32, payload: [UInt8]) -> RTPPacket {
        let header = RTPHeader(marker: marker, payloadType: payloadType, sequenceNumber: nextSequenceNumber,
                               timestamp: timestamp, ssrc: ssrc)
        nextSequenceNumber &+= 1
        return RTPPacket(header: header, payload: payload)
    }
}
