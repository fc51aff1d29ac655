import SIPCore

/// Finds the audio stream of a session description that the media core can serve: the first
/// `m=audio` line with a non-zero port over `RTP/AVP`, or over `RTP/SAVP` with a usable `a=crypto`
/// line as `media.srtp` allows, whose formats include PCMU or PCMA at 8,000 Hz.
enum AudioStreamSelection {
    /// The transport profile of plain RTP audio (RFC 3551).
    static let profile = "RTP/AVP"
    /// The transport profile of SRTP audio (RFC 3711 §12).
    static let secureProfile = "RTP/SAVP"
    /// The connection addresses that put a stream on hold the RFC 2543 way: nothing may be sent to
    /// them (RFC 3264 §8.4).
    static let unspecifiedAddresses: Set<String> = ["0.0.0.0", "::"]

    /// The chosen stream, with the other side's direction mirrored into ours (RFC 3264 §6.1), or why
    /// there is none. `allowedPayloadTypes` narrows the codecs to those we offered (reading an answer);
    /// `srtp` says which profiles are served, and an SRTP stream is keyed with `sendingKey` for what
    /// we send and the offer's crypto line for what we receive.
    static func select(in description: SessionDescription, allowedPayloadTypes: Set<UInt8>? = nil, srtp: SRTPPolicy = .off,
                       sendingKey: SRTPMasterKey? = nil) -> Result<NegotiatedAudio, MediaRejection> {
        var rejection = MediaRejection.noAudioStream
        for (index, media) in description.media.enumerated() where media.media.lowercased() == "audio" && media.port != 0 {
            let keys: NegotiatedSRTP?
            switch transport(of: media, policy: srtp, sendingKey: sendingKey) {
            case .failure(let refused):
                if rejection == .noAudioStream { rejection = refused }
                continue
            case .success(let negotiated): keys = negotiated
            }
            let codecs = g711Formats(of: media).filter { allowedPayloadTypes?.contains($0.payloadType) ?? true }
            guard let chosen = codecs.first else {
                rejection = .noCommonCodec
                continue
            }
            guard let address = media.connections.first?.address ?? description.connection?.address else {
                return .failure(.noConnectionAddress)
            }
            var direction = description.effectiveDirection(of: media).mirrored
            if unspecifiedAddresses.contains(address) { direction = direction.receivingOnly }
            return .success(NegotiatedAudio(mediaIndex: index, codec: chosen.codec, payloadType: chosen.payloadType,
                                            telephoneEventPayloadType: telephoneEventPayloadType(of: media),
                                            remoteAddress: address, remotePort: media.port, direction: direction, srtp: keys,
                                            rtcp: RTCPAttribute(in: media)))
        }
        return .failure(rejection)
    }

    /// Whether `media`'s profile is served under `policy`: plain RTP (nil) unless SRTP is required;
    /// `RTP/SAVP` with the first usable crypto line (RFC 4568 §7.1.2) unless SRTP is off.
    private static func transport(of media: MediaDescription, policy: SRTPPolicy, sendingKey: SRTPMasterKey?)
        -> Result<NegotiatedSRTP?, MediaRejection> {
        switch media.proto.uppercased() {
        case profile:
            return policy == .required ? .failure(.srtpRequired) : .success(nil)
        case secureProfile where policy != .off:
            guard let crypto = SDESCrypto.firstUsable(in: media) else { return .failure(.noUsableCrypto) }
            return .success(NegotiatedSRTP(suite: crypto.suite, tag: crypto.tag, sendingKey: sendingKey ?? .random(),
                                           receivingKey: crypto.key))
        default:
            return .failure(.incompatibleTransport)
        }
    }

    /// The PCMU and PCMA formats of `media` in its order of preference: static types 0 and 8 unless an
    /// rtpmap says otherwise, and dynamic types whose rtpmap names PCMU or PCMA at 8,000 Hz, mono.
    static func g711Formats(of media: MediaDescription) -> [(payloadType: UInt8, codec: G711Codec)] {
        let maps = media.rtpMaps
        return media.formats.compactMap { (format: String) -> (payloadType: UInt8, codec: G711Codec)? in
            guard let payloadType = UInt8(format), payloadType < 128 else { return nil }
            guard let map = maps.first(where: { $0.payloadType == Int(payloadType) }) else {
                return G711Codec(payloadType: Int(payloadType)).map { (payloadType, $0) }
            }
            guard map.clockRate == G711Codec.clockRate, map.encodingParameters ?? "1" == "1",
                  let codec = G711Codec(rawValue: map.encodingName.uppercased()) else { return nil }
            return (payloadType, codec)
        }
    }

    /// The first format of `media` mapped to `telephone-event/8000` (RFC 4733 §7.1).
    static func telephoneEventPayloadType(of media: MediaDescription) -> UInt8? {
        let maps = media.rtpMaps
        for format in media.formats {
            guard let payloadType = UInt8(format), payloadType < 128 else { continue }
            if maps.contains(where: {
                $0.payloadType == Int(payloadType) && $0.encodingName.lowercased() == "telephone-event"
                    && $0.clockRate == G711Codec.clockRate
            }) { return payloadType }
        }
        return nil
    }
}

extension SDPDirection {
    /// The direction that answers this one (RFC 3264 §6.1): send-only becomes receive-only and back.
    var mirrored: SDPDirection {
        switch self {
        case .sendrecv: .sendrecv
        case .sendonly: .recvonly
        case .recvonly: .sendonly
        case .inactive: .inactive
        }
    }

    /// This direction without sending: what is left when the other side's address is 0.0.0.0.
    var receivingOnly: SDPDirection {
        switch self {
        case .sendrecv, .recvonly: .recvonly
        case .sendonly, .inactive: .inactive
        }
    }
}
