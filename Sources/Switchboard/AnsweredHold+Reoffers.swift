import B2BUA
import Media
import MediaTransport
import SIPCore

/// Switchboard's description on one leg whose stream the media edge runs, and what it negotiated.
struct LegMedia {
    /// The last description Switchboard sent on the leg: its answer to the caller, its offer to an agent.
    var description: SessionDescription
    /// The stream the description and the other side's agreed on.
    var audio: NegotiatedAudio
}

/// Re-offers on the media edge's streams (RFC 3264 §8): the stream follows the other side's new
/// address, port, payload types or direction, and the answer is the leg's description, its version
/// one on only when the answer changed.
extension AnsweredHold {
    func answerReoffer(_ callID: CallID, attempt: Int?, offer: [UInt8]) -> ReofferAnswer? {
        let id = attempt.map { Self.agentStream(callID, attempt: $0) } ?? MediaStreamID(callID)
        guard let leg = legs[id] else { return nil }
        guard let description = try? SessionDescription(parsing: offer) else {
            return .refused(warning: "399 \(Self.warningAgent) \"the SDP offer cannot be parsed\"")
        }
        switch AudioReoffer.answer(to: description, in: leg.description, current: leg.audio) {
        case .failure(let rejection):
            return .refused(warning: rejection.warningHeaderValue(agent: Self.warningAgent))
        case .success(let reanswer):
            let (answer, audio) = (reanswer.description, reanswer.audio)
            legs[id] = LegMedia(description: answer, audio: audio)
            if attempt == nil { callers[callID]?.audio = audio }
            if audio != leg.audio {
                logger.info("media moved by a re-offer", metadata: ["sip.call_id": "\(callID)", "media.stream": "\(id)",
                                                                     "media.remote": "\(audio.remoteAddress):\(audio.remotePort)"])
                engine.redirectingStream(id, negotiated: audio).whenFailure { [logger] error in
                    logger.warning("media not moved", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
                }
            }
            return .answered(answer.serialized())
        }
    }
}
