import SIPCore

/// The two G.711 codecs every SIP trunk offers, with their static RTP payload types (RFC 3551 §6):
/// what the media core encodes prompts into and negotiates in SDP.
public enum G711Codec: String, CaseIterable, Hashable, Sendable {
    /// µ-law, payload type 0.
    case pcmu = "PCMU"
    /// A-law, payload type 8.
    case pcma = "PCMA"

    /// The static RTP payload type (RFC 3551 Table 4).
    public var payloadType: UInt8 {
        switch self {
        case .pcmu: 0
        case .pcma: 8
        }
    }

    /// The codec of a static payload type, when it is 0 or 8.
    public init?(payloadType: Int) {
        guard let codec = Self.allCases.first(where: { Int($0.payloadType) == payloadType }) else { return nil }
        self = codec
    }

    /// The encoding name of `a=rtpmap` (`PCMU`, `PCMA`).
    public var encodingName: String { rawValue }

    /// The `a=rtpmap` of this codec under `payloadType` (its static one unless an offer chose another).
    public func rtpMap(payloadType: UInt8) -> SDPRTPMap {
        SDPRTPMap(payloadType: Int(payloadType), encodingName: encodingName, clockRate: Self.clockRate)
    }

    /// The `a=rtpmap` of telephone-event (RFC 4733 §7.1.1) under `payloadType`.
    public static func telephoneEventRTPMap(payloadType: UInt8) -> SDPRTPMap {
        SDPRTPMap(payloadType: Int(payloadType), encodingName: "telephone-event", clockRate: clockRate)
    }

    /// The RTP clock rate: 8,000 Hz, one timestamp unit per sample (RFC 3551 §4.5.14).
    public static let clockRate = 8000

    /// The code word of silence: 0xFF for µ-law, 0xD5 for A-law.
    public var silence: UInt8 {
        switch self {
        case .pcmu: G711MuLaw.silence
        case .pcma: G711ALaw.silence
        }
    }

    /// The code word of one linear sample.
    public func encode(_ sample: Int16) -> UInt8 {
        switch self {
        case .pcmu: G711MuLaw.encode(sample)
        case .pcma: G711ALaw.encode(sample)
        }
    }

    /// The linear sample of one code word.
    public func decode(_ codeWord: UInt8) -> Int16 {
        switch self {
        case .pcmu: G711MuLaw.decode(codeWord)
        case .pcma: G711ALaw.decode(codeWord)
        }
    }
}
