/// The fixed RTP header and its optional parts (RFC 3550 §5.1, §5.3.1): everything of a packet but
/// its payload and padding.
public struct RTPHeader: Hashable, Sendable {
    /// The RTP version this header carries; RFC 3550 defines only 2.
    public static let version: UInt8 = 2

    /// The marker bit: for audio, the first packet of a talkspurt (RFC 3551 §4.1); for
    /// telephone-event, the first packet of an event (RFC 4733 §2.5.1.3).
    public var marker: Bool
    /// The payload type, 0…127 (RFC 3551 §6); only its low seven bits are written.
    public var payloadType: UInt8
    /// The sequence number, one more per packet sent, wrapping at 2¹⁶.
    public var sequenceNumber: UInt16
    /// The sampling instant of the payload's first sample, in the payload type's clock.
    public var timestamp: UInt32
    /// The synchronization source: who sends this stream.
    public var ssrc: UInt32
    /// The contributing sources, at most 15 (a mixer's inputs).
    public var csrcs: [UInt32]
    /// The header extension, when the X bit is set.
    public var headerExtension: RTPHeaderExtension?

    /// Creates a header.
    public init(marker: Bool = false, payloadType: UInt8, sequenceNumber: UInt16, timestamp: UInt32, ssrc: UInt32,
                csrcs: [UInt32] = [], headerExtension: RTPHeaderExtension? = nil) {
        self.marker = marker
        self.payloadType = payloadType
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.csrcs = csrcs
        self.headerExtension = headerExtension
    }

    /// The header's length on the wire: 12 bytes, 4 per CSRC, and the extension.
    public var byteCount: Int {
        12 + 4 * csrcs.count + (headerExtension.map { 4 + $0.data.count } ?? 0)
    }
}

/// An RTP header extension (RFC 3550 §5.3.1): a profile-defined 16-bit identifier and data whose
/// length is a whole number of 32-bit words.
public struct RTPHeaderExtension: Hashable, Sendable {
    /// The profile-defined identifier.
    public var profile: UInt16
    /// The extension data; its length is a multiple of 4 (a shorter tail is zero-filled when written).
    public var data: [UInt8]

    /// Creates an extension.
    public init(profile: UInt16, data: [UInt8]) {
        self.profile = profile
        self.data = data
    }
}
