import B2BUA
import Media
import MediaTransport
import NIOCore
import SIPCore

/// Anchored media on the media edge: each agent rung is offered a stream of its own (Switchboard's SDP
/// offer, the caller's codec alone so no transcoding is needed, telephone-event 101); when one
/// answers, its stream is connected to the answer, the queue's whisper plays on it, and the engine
/// bridges it to the caller's stream, which plays the hold media until then.
extension AnsweredHold {
    /// The name of the stream toward the agent of `attempt`.
    static func agentStream(_ callID: CallID, attempt: Int) -> MediaStreamID {
        MediaStreamID("\(callID)#agent-\(attempt)")
    }

    /// The offer waits while the caller's stream is being opened (an agent may be free at once); it
    /// is nil when the caller has no stream, so the agent is offered the caller's SDP.
    func offerToAgent(_ callID: CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void) {
        if anchorsMedia, callers[callID] == nil, case .opening(stopped: false) = streams[callID] {
            waitingOffers[callID, default: []].append { self.offerToAgent(callID, attempt: attempt, completion: completion) }
            return
        }
        guard anchorsMedia, let caller = callers[callID] else {
            completion(nil)
            return
        }
        openAgentLeg(callID, attempt: attempt, codecs: [caller.audio.codec], completion: completion)
    }

    /// Opens the stream toward the agent of `attempt` (silent until it is connected) and calls
    /// `completion` with Switchboard's offer of `codecs` from it, or nil.
    func openAgentLeg(_ callID: CallID, attempt: Int, codecs: [G711Codec], completion: @escaping ([UInt8]?) -> Void) {
        guard agentLegs[callID]?[attempt] == nil, let codec = codecs.first else {
            completion(nil)
            return
        }
        let placeholder = NegotiatedAudio(mediaIndex: 0, codec: codec, payloadType: codec.payloadType,
                                          telephoneEventPayloadType: AudioOfferer.telephoneEventPayloadType,
                                          remoteAddress: "0.0.0.0", remotePort: 0, direction: .sendrecv)
        let id = Self.agentStream(callID, attempt: attempt)
        agentLegs[callID, default: [:]][attempt] = .opening(stopped: false)
        engine.startingStream(id, negotiated: placeholder, source: .silence).hop(to: wheel.eventLoop).assumeIsolated().whenComplete { result in
            guard case .opening(let stopped) = self.agentLegs[callID]?[attempt] else { return }
            switch result {
            case .success where stopped:
                self.closeAgentLeg(callID, attempt: attempt)
            case .success(let port):
                self.agentLegs[callID]?[attempt] = .open(nil)
                let offer = AudioOfferer.offer(address: self.engine.address, port: port, origin: self.newOrigin(), codecs: codecs)
                self.legs[id] = LegMedia(description: offer, audio: placeholder)
                completion(offer.serialized())
            case .failure(let error):
                self.agentLegs[callID]?[attempt] = nil
                self.logger.warning("agent media stream not opened", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
                if !stopped { completion(nil) }
            }
        }
    }

    func bridge(_ callID: CallID, attempt: Int, answer: [UInt8]) -> Bool {
        guard let caller = callers[callID], case .open = agentLegs[callID]?[attempt],
              let description = try? SessionDescription(parsing: answer),
              case .success(let audio) = AudioOfferer.readAnswer(description), audio.codec == caller.audio.codec else { return false }
        stopAgentLegs(callID, except: attempt)
        if case .open(let announcements?) = streams[callID] {
            for timer in [announcements.timer, announcements.promptTimer].compactMap(\.self) { wheel.cancel(timer) }
            streams[callID] = .open(nil)
        }
        let agent = Self.agentStream(callID, attempt: attempt)
        legs[agent]?.audio = audio
        let whisper = queues[caller.queue]?.whisper.map { [$0] } ?? []
        engine.connectingStream(agent, negotiated: audio).flatMap {
            self.engine.bridging(MediaStreamID(callID), agent, whisper: whisper)
        }.whenFailure { error in
            self.logger.warning("media not bridged", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
        return true
    }

    /// Makes the offers that waited for the caller's stream, now open, failed or stopped.
    func resumeOffers(_ callID: CallID) {
        for offer in waitingOffers.removeValue(forKey: callID) ?? [] { offer() }
    }

    func stopAgentLeg(_ callID: CallID, attempt: Int) {
        switch agentLegs[callID]?[attempt] {
        case .opening: agentLegs[callID]?[attempt] = .opening(stopped: true)
        case .open: closeAgentLeg(callID, attempt: attempt)
        case nil: return
        }
    }

    /// Stops every agent stream of the call but `kept`'s.
    func stopAgentLegs(_ callID: CallID, except kept: Int?) {
        for attempt in (agentLegs[callID] ?? [:]).keys where attempt != kept { stopAgentLeg(callID, attempt: attempt) }
    }

    /// Closes an open agent stream; its port returns once the socket is closed.
    private func closeAgentLeg(_ callID: CallID, attempt: Int) {
        agentLegs[callID]?[attempt] = nil
        if agentLegs[callID]?.isEmpty == true { agentLegs[callID] = nil }
        legs[Self.agentStream(callID, attempt: attempt)] = nil
        engine.stoppingStream(Self.agentStream(callID, attempt: attempt)).whenFailure { error in
            self.logger.debug("agent media stream not stopped", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
    }
}
