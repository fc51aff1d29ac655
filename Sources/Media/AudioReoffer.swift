import SIPCore

/// Answers a new offer in a session whose audio stream is already running (RFC 3264 §8): the other
/// side may move its media (another address or port) or change payload types or direction, while
/// Switchboard keeps its own stream (address, port, codec, SRTP suite and keys) and its session's origin.
public enum AudioReoffer {
    /// The answer to `offer` in the session where Switchboard last sent `description` for the stream
    /// `current`: in the same codec only (nothing is transcoded), from the same address and port,
    /// under the same origin, with the same version when the answer is unchanged and the next version
    /// when it changed (a payload type or a direction). An SRTP stream stays SRTP with its suite and
    /// keys, a plain one plain. The rejection, for a `488` that leaves the session as it was (RFC 3261
    /// §14.2), when the offer has no audio stream in the current codec and transport.
    public static func answer(to offer: SessionDescription, in description: SessionDescription,
                              current: NegotiatedAudio) -> Result<(description: SessionDescription, audio: NegotiatedAudio), MediaRejection> {
        guard current.mediaIndex < description.media.count, let address = description.connection?.address else {
            return .failure(.noConnectionAddress)
        }
        let answered = AudioAnswerer.answer(to: narrowing(offer, to: current.codec), address: address,
                                            port: description.media[current.mediaIndex].port, origin: description.origin,
                                            srtp: current.srtp == nil ? .off : .required, sendingKey: current.srtp?.sendingKey ?? .random())
        var answer: SessionDescription, audio: NegotiatedAudio
        switch answered {
        case .rejected(let rejection): return .failure(rejection)
        case .accepted(let accepted, let stream): (answer, audio) = (accepted, stream)
        }
        if let keys = current.srtp, let offered = audio.srtp {
            guard offered.suite == keys.suite else { return .failure(.noUsableCrypto) }
            audio.srtp = NegotiatedSRTP(suite: keys.suite, tag: offered.tag, sendingKey: keys.sendingKey, receivingKey: keys.receivingKey)
        }
        if answer != description { answer.origin.sessionVersion = description.origin.sessionVersion &+ 1 }
        return .success((answer, audio))
    }

    /// `offer` with the G.711 formats of the other law taken out of its audio streams.
    private static func narrowing(_ offer: SessionDescription, to codec: G711Codec) -> SessionDescription {
        var narrowed = offer
        for index in narrowed.media.indices where narrowed.media[index].media.lowercased() == "audio" {
            let others = Set(AudioStreamSelection.g711Formats(of: narrowed.media[index]).filter { $0.codec != codec }
                .map { String($0.payloadType) })
            narrowed.media[index].formats.removeAll { others.contains($0) }
        }
        return narrowed
    }
}
