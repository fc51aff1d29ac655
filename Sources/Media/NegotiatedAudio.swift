import SIPCore

/// The audio stream both sides agreed on in an SDP offer/answer exchange (RFC 3264): what the edge
/// needs to send and receive RTP.
public struct NegotiatedAudio: Hashable, Sendable {
    /// The place of the stream among the description's `m=` lines.
    public var mediaIndex: Int
    /// The codec.
    public var codec: G711Codec
    /// The payload type of the codec in this session (0 or 8, or the dynamic type the offer chose).
    public var payloadType: UInt8
    /// The payload type of `telephone-event/8000` (RFC 4733 §7.1), when both sides use it.
    public var telephoneEventPayloadType: UInt8?
    /// Where the other side receives RTP: the stream's `c=` address, else the session's.
    public var remoteAddress: String
    /// The other side's RTP port.
    public var remotePort: Int
    /// Which way our media flows (RFC 3264 §6.1): `recvonly` when the other side offered `sendonly`
    /// (it put us on hold), and never sending to a connection address of 0.0.0.0 (§8.4).
    public var direction: SDPDirection
    /// The stream's SRTP keys when it runs over `RTP/SAVP`; nil for plain RTP.
    public var srtp: NegotiatedSRTP?
    /// Where the other side receives RTCP: the stream's `a=rtcp` address (RFC 3605), else `remoteAddress`.
    public var remoteRTCPAddress: String
    /// The other side's RTCP port: the stream's `a=rtcp` port, else the RTP port + 1 (RFC 3550 §11).
    public var remoteRTCPPort: Int

    /// Creates a negotiated stream, plain RTP unless `srtp` is given, with RTCP on the RTP address
    /// and port + 1 unless `rtcp` says otherwise.
    public init(mediaIndex: Int, codec: G711Codec, payloadType: UInt8, telephoneEventPayloadType: UInt8?,
                remoteAddress: String, remotePort: Int, direction: SDPDirection, srtp: NegotiatedSRTP? = nil,
                rtcp: RTCPAttribute? = nil) {
        remoteRTCPAddress = rtcp?.address ?? remoteAddress
        remoteRTCPPort = rtcp?.port ?? remotePort + 1
        self.mediaIndex = mediaIndex
        self.codec = codec
        self.payloadType = payloadType
        self.telephoneEventPayloadType = telephoneEventPayloadType
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.direction = direction
        self.srtp = srtp
    }
}

/// Why no audio stream of a session description can be used, with the SIP Warning (RFC 3261
/// §20.43) the B2BUA sends in its `488 Not Acceptable Here`.
public enum MediaRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// No `m=audio` line with a non-zero port: warning 304.
    case noAudioStream
    /// Audio only over a transport the media edge does not serve (`RTP/SAVP` while `media.srtp` is
    /// off, `UDP/TLS/RTP/SAVP`…): warning 302.
    case incompatibleTransport
    /// Audio only over plain `RTP/AVP` while `media.srtp` is `required`: warning 302.
    case srtpRequired
    /// Audio over `RTP/SAVP` without an `a=crypto` line Switchboard can use: warning 399.
    case noUsableCrypto
    /// Audio over RTP, but neither PCMU nor PCMA among its formats: warning 305.
    case noCommonCodec
    /// The usable audio stream has no `c=` address, neither its own nor the session's: warning 399.
    case noConnectionAddress

    /// The warn-code of RFC 3261 §20.43.
    public var warningCode: Int {
        switch self {
        case .noAudioStream: 304
        case .incompatibleTransport, .srtpRequired: 302
        case .noUsableCrypto: 399
        case .noCommonCodec: 305
        case .noConnectionAddress: 399
        }
    }

    /// The warn-text: the phrase RFC 3261 §20.43 gives the code, or the reason for 399.
    public var warningText: String {
        switch self {
        case .noAudioStream: "Media type not available"
        case .incompatibleTransport: "Incompatible transport protocol"
        case .srtpRequired: "Incompatible transport protocol: SRTP (RTP/SAVP) required"
        case .noUsableCrypto: "No usable SRTP crypto line (AES_CM_128_HMAC_SHA1_80 or _32, inline key)"
        case .noCommonCodec: "Incompatible media format"
        case .noConnectionAddress: "No connection address for audio"
        }
    }

    /// The Warning header value, `305 host "Incompatible media format"`, naming `agent` (our host).
    public func warningHeaderValue(agent: String) -> String {
        "\(warningCode) \(agent) \"\(warningText)\""
    }

    /// The code and text, for logs.
    public var description: String { "\(warningCode) \(warningText)" }
}
