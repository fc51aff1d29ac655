import SIPCore

/// Our own SDP offer for audio (RFC 3264 §5) and the reading of its answer (§6): PCMU, PCMA and
/// telephone-event on payload type 101, 20 ms packets, both directions.
public enum AudioOfferer {
    /// The payload type we give telephone-event (a dynamic type, RFC 3551 §6).
    public static let telephoneEventPayloadType: UInt8 = 101

    /// The offer from `address` (our RTP address) and `port`, with `origin` as the `o=` line, of
    /// `codecs` in that order (both G.711 laws by default).
    public static func offer(address: String, port: Int, origin: SDPOrigin, codecs: [G711Codec] = G711Codec.allCases) -> SessionDescription {
        let event = telephoneEventPayloadType
        var attributes = codecs.map { $0.rtpMap(payloadType: $0.payloadType).attribute }
        attributes += [
            G711Codec.telephoneEventRTPMap(payloadType: event).attribute,
            SDPAttribute(name: "fmtp", value: "\(event) \(AudioAnswerer.telephoneEvents)"),
            SDPAttribute(name: "ptime", value: "20"),
            SDPAttribute(name: SDPDirection.sendrecv.rawValue),
        ]
        let formats = codecs.map { String($0.payloadType) } + [String(event)]
        let audio = MediaDescription(media: "audio", port: port, proto: AudioStreamSelection.profile, formats: formats,
                                     attributes: attributes)
        return SessionDescription(origin: origin, connection: SDPConnection.of(address), media: [audio])
    }

    /// The stream an answer to ``offer(address:port:origin:)`` accepts: its first PCMU or PCMA format,
    /// telephone-event when the answer kept it, and our direction mirrored from the answer's (an
    /// answer `recvonly` lets us only send); the rejection when the answer refused the audio (port 0)
    /// or kept no codec we offered.
    public static func readAnswer(_ answer: SessionDescription) -> Result<NegotiatedAudio, MediaRejection> {
        AudioStreamSelection.select(in: answer, allowedPayloadTypes: Set(G711Codec.allCases.map(\.payloadType)))
    }
}
