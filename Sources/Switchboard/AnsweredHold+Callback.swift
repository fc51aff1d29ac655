import ACD
import B2BUA
import Media
import MediaTransport
import SIPCore

/// Callbacks on the media edge: the confirmation on the caller's hold stream (its known duration on
/// the SIP loop's wheel says when it has played), and the agent's stream while the caller is rung,
/// opened as anchored mode opens agents' streams, offering both G.711 laws since no caller's codec
/// is known by then, and silent. With anchored media the call back offers a new caller's stream in
/// the agent's codec, and the two streams are bridged as anchored mode bridges them.
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
        legs[Self.agentStream(callID, attempt: attempt)]?.audio = audio
        engine.connectingStream(Self.agentStream(callID, attempt: attempt), negotiated: audio).whenFailure { [logger] error in
            logger.warning("callback agent stream not connected", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        return true
    }

    func offerToCaller(_ callID: B2BUA.CallID, agentAnswer: [UInt8], completion: @escaping ([UInt8]?) -> Void) {
        guard streams[callID] == nil, let description = try? SessionDescription(parsing: agentAnswer),
              case .success(let agent) = AudioOfferer.readAnswer(description) else {
            completion(nil)
            return
        }
        let codec = agent.codec
        let placeholder = NegotiatedAudio(mediaIndex: 0, codec: codec, payloadType: codec.payloadType,
                                          telephoneEventPayloadType: AudioOfferer.telephoneEventPayloadType,
                                          remoteAddress: "0.0.0.0", remotePort: 0, direction: .sendrecv)
        streams[callID] = .opening(stopped: false)
        engine.startingStream(MediaStreamID(callID), negotiated: placeholder, source: .silence).hop(to: wheel.eventLoop).assumeIsolated()
            .whenComplete { result in
                guard case .opening(let stopped) = self.streams[callID] else { return }
                switch result {
                case .success where stopped:
                    self.close(callID)
                case .success(let port):
                    self.streams[callID] = .open(nil)
                    let offer = AudioOfferer.offer(address: self.engine.address, port: port, origin: self.newOrigin(), codecs: [codec])
                    self.legs[MediaStreamID(callID)] = LegMedia(description: offer, audio: placeholder)
                    completion(offer.serialized())
                case .failure(let error):
                    self.streams[callID] = nil
                    self.logger.warning("callback caller stream not opened", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
                    if !stopped { completion(nil) }
                }
            }
    }

    func bridgeCallback(_ callID: B2BUA.CallID, queue: String, attempt: Int, callerAnswer: [UInt8], agentAnswer: [UInt8]) -> Bool {
        guard case .open = streams[callID], let description = try? SessionDescription(parsing: callerAnswer),
              case .success(let caller) = AudioOfferer.readAnswer(description) else { return false }
        engine.connectingStream(MediaStreamID(callID), negotiated: caller).whenFailure { [logger] error in
            logger.warning("callback caller stream not connected", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        callers[callID] = (queue, caller)
        legs[MediaStreamID(callID)]?.audio = caller
        return bridge(callID, attempt: attempt, answer: agentAnswer)
    }
}
