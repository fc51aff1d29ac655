import SIPCore

/// The outcome of answering an SDP offer (RFC 3264 §6): an answer and the stream it accepts, or the
/// reason every audio stream was refused, for a `488` with a Warning.
public enum AudioAnswerResult: Hashable, Sendable {
    /// The answer to send and the audio stream it accepts.
    case accepted(answer: SessionDescription, audio: NegotiatedAudio)
    /// No audio stream can be served.
    case rejected(MediaRejection)
}

/// Answers an SBC's SDP offer for the media core's audio (RFC 3264 §6).
public enum AudioAnswerer {
    /// The telephone-event events answered: the 16 DTMF digits (RFC 4733 §3.2).
    public static let telephoneEvents = "0-15"

    /// Answers `offer` from `address` (our RTP address, IPv4 or IPv6) and `port`, with `origin` as
    /// the `o=` line. The first audio stream with PCMU or PCMA is accepted with the first of them the
    /// offer lists, its payload type kept (§6.1), telephone-event beside it when offered, `a=ptime:20`
    /// and the offer's direction mirrored; every other `m=` line is answered with port 0 (§6), so the
    /// answer has as many media lines as the offer. Under `srtp` (`media.srtp`) an `RTP/SAVP` stream
    /// is answered over `RTP/SAVP` with the offer's first usable crypto line, its tag and suite, and
    /// `sendingKey` (RFC 4568 §5.1.2): pass the key the stream will protect with.
    public static func answer(to offer: SessionDescription, address: String, port: Int, origin: SDPOrigin,
                              srtp: SRTPPolicy = .off, sendingKey: SRTPMasterKey = .random()) -> AudioAnswerResult {
        let audio: NegotiatedAudio
        switch AudioStreamSelection.select(in: offer, srtp: srtp, sendingKey: sendingKey) {
        case .failure(let rejection): return .rejected(rejection)
        case .success(let selected): audio = selected
        }
        let media = offer.media.enumerated().map { index, offered in
            index == audio.mediaIndex ? acceptedMedia(audio, port: port) : rejectedMedia(offered)
        }
        let answer = SessionDescription(origin: origin, connection: SDPConnection.of(address), media: media)
        return .accepted(answer: answer, audio: audio)
    }

    private static func acceptedMedia(_ audio: NegotiatedAudio, port: Int) -> MediaDescription {
        var formats = [String(audio.payloadType)]
        var attributes = [audio.codec.rtpMap(payloadType: audio.payloadType).attribute]
        if let event = audio.telephoneEventPayloadType {
            formats.append(String(event))
            attributes.append(G711Codec.telephoneEventRTPMap(payloadType: event).attribute)
            attributes.append(SDPAttribute(name: "fmtp", value: "\(event) \(telephoneEvents)"))
        }
        attributes.append(SDPAttribute(name: "ptime", value: "20"))
        attributes.append(SDPAttribute(name: audio.direction.rawValue))
        if let srtp = audio.srtp { attributes.append(srtp.answerCrypto.attribute) }
        let proto = audio.srtp == nil ? AudioStreamSelection.profile : AudioStreamSelection.secureProfile
        return MediaDescription(media: "audio", port: port, proto: proto, formats: formats, attributes: attributes)
    }

    /// A refused stream: its media, transport and formats as offered, port 0, no attributes (§6).
    private static func rejectedMedia(_ offered: MediaDescription) -> MediaDescription {
        MediaDescription(media: offered.media, port: 0, proto: offered.proto, formats: offered.formats)
    }
}

extension SDPConnection {
    /// The connection line of a unicast address: `IN IP6` when it has a colon, `IN IP4` otherwise.
    static func of(_ address: String) -> SDPConnection {
        SDPConnection(addressType: address.contains(":") ? "IP6" : "IP4", address: address)
    }
}
