import ACD
import B2BUA
import Media
import MediaTransport
import SIPCore

/// Callbacks on the media edge: the confirmation on the caller's hold stream (its known duration on
/// the SIP loop's wheel says when it has played), and the agent's stream while the caller is rung,
/// opened as anchored mode opens agents' streams, offering both G.711 laws since no caller's codec
/// is known by then, and silent.
extension AnsweredHold: CallbackMedia {
    func confirmCallback(_ callID: B2BUA.CallID, completion: @escaping () -> Void) {
        guard case .open(let announcements) = streams[callID], let prompt = words[CallbackConfiguration.confirmationPrompt] else {
            completion()
            return
        }
        if let announcements {
            for timer in [announcements.timer, announcements.promptTimer].compactMap(\.self) { wheel.cancel(timer) }
            streams[callID] = .open(nil)
        }
        engine.playing(MediaStreamID(callID), prompts: [prompt]).whenFailure { [logger] error in
            logger.debug("callback confirmation not played", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        _ = wheel.schedule(after: prompt.duration + .milliseconds(200)) { completion() }
    }

    func stopCallerStream(_ callID: B2BUA.CallID) {
        callers[callID] = nil
        resumeOffers(callID)
        switch streams[callID] {
        case .opening: streams[callID] = .opening(stopped: true)
        case .open: close(callID)
        case nil: return
        }
    }

    func offerForCallback(_ callID: B2BUA.CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void) {
        openAgentLeg(callID, attempt: attempt, codecs: G711Codec.allCases, completion: completion)
    }

    func connectCallbackAgent(_ callID: B2BUA.CallID, attempt: Int, answer: [UInt8]) -> Bool {
        guard case .open = agentLegs[callID]?[attempt], let description = try? SessionDescription(parsing: answer),
              case .success(let audio) = AudioOfferer.readAnswer(description) else { return false }
        engine.connectingStream(Self.agentStream(callID, attempt: attempt), negotiated: audio).whenFailure { [logger] error in
            logger.warning("callback agent stream not connected", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        return true
    }
}
