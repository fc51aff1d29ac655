import B2BUA
import Logging
import Media
import MediaTransport
import NIOCore
import SIPCore
import SIPStack
import YAMLConfiguration

/// Answered hold on the media edge: answers a queued caller's SDP offer from a stream of the
/// ``MediaEngine`` (RFC 3264 §6) and plays the queue's welcome prompt, its position and wait
/// announcements, then its music on hold (one shared loop per music file). Lives on the SIP loop, as
/// the call router that uses it, with its timers on the loop's wheel; the engine runs on a loop of its own.
final class AnsweredHold: HoldMedia, @unchecked Sendable {
    /// A caller's stream, from the request to open it until it is closed.
    enum Stream {
        /// Being opened; `stopped` once the call no longer needs it (it is closed as soon as it opens).
        case opening(stopped: Bool)
        /// Open and playing, with the caller's announcements when the queue makes any.
        case open(Announcements?)
    }

    /// One caller's announcements and periodic prompt: what was said, the queue asked, the next occasions.
    struct Announcements {
        var announcer: HoldAnnouncer
        /// The queue whose place and wait are announced: the caller's current one.
        var queue: String
        /// The next position and wait announcement.
        var timer: TimerWheel.Handle?
        /// The next periodic prompt.
        var promptTimer: TimerWheel.Handle?
    }

    /// The host named in Warning headers (RFC 3261 §20.43).
    static let warningAgent = "switchboardd"

    let engine: MediaEngine
    private let loop: any EventLoop
    /// The SIP loop's timer wheel, for the periodic announcements.
    let wheel: TimerWheel
    let logger: Logger
    /// The hold media of each queue that answers its callers; a reload replaces it.
    var queues: [String: QueueHoldMedia]
    /// The words of the announcements, by prompt name; a reload replaces them.
    var words: [String: Prompt]
    /// Asks the queue engine (on its own loop) for a waiting caller's place in a queue (1 is next, 0
    /// while an agent rings) and estimated wait; the reply comes on this loop, nil once the caller no
    /// longer waits there.
    let place: (CallID, String, @escaping @Sendable (Place?) -> Void) -> Void

    /// A caller's place in a queue and estimated wait.
    typealias Place = (place: Int, estimate: Duration?)
    var streams: [CallID: Stream] = [:]
    /// Where the keys callers press on their streams go (the call router).
    var onKey: ((CallID, Character) -> Void)?
    /// Anchored media (`media.mode: anchored`): agents are offered streams of their own, bridged to the caller's.
    var anchorsMedia = false
    /// Anchored media: each caller's queue and negotiated audio, once the caller's stream is open.
    var callers: [CallID: (queue: String, audio: NegotiatedAudio)] = [:]
    /// Anchored media: the streams toward each call's agents, by attempt.
    var agentLegs: [CallID: [Int: Stream]] = [:]
    /// Anchored media: the offers to agents waiting for the caller's stream to open.
    var waitingOffers: [CallID: [() -> Void]] = [:]
    /// Switchboard's description and the negotiated audio of each open stream, for re-offers.
    var legs: [MediaStreamID: LegMedia] = [:]
    /// Whether callers' streams may or must be SRTP (`media.srtp`).
    let srtp: SRTPPolicy

    init(engine: MediaEngine, wheel: TimerWheel, queues: [String: QueueHoldMedia], words: [String: Prompt], srtp: SRTPPolicy = .off,
         logger: Logger, place: @escaping (CallID, String, @escaping @Sendable (Place?) -> Void) -> Void) {
        self.engine = engine
        self.srtp = srtp
        self.wheel = wheel
        loop = wheel.eventLoop
        self.queues = queues
        self.words = words
        self.logger = logger
        self.place = place
    }

    /// The streams open or being opened: the callers' and, with anchored media, the agents'.
    var streamsInUse: Int { streams.count + agentLegs.values.reduce(0) { $0 + $1.count } }

    func answersCallers(of queue: String) -> Bool { queues[queue] != nil }

    func sendsEarlyMedia(of queue: String) -> Bool { queues[queue]?.earlyMedia == true }

    func negotiate(_ offer: [UInt8]) -> HoldNegotiation {
        guard let description = try? SessionDescription(parsing: offer) else {
            return .refused(warning: "399 \(Self.warningAgent) \"the SDP offer cannot be parsed\"")
        }
        switch AudioAnswerer.answer(to: description, address: engine.address, port: 0, origin: newOrigin(), srtp: srtp,
                                    sendingKey: .random()) {
        case .accepted(let answer, let audio): return .accepted(HoldOffer(LegMedia(description: answer, audio: audio)))
        case .rejected(let rejection): return .refused(warning: rejection.warningHeaderValue(agent: Self.warningAgent))
        }
    }

    /// A new session's origin (RFC 4566 §5.2: a random session id, version 1) on the engine's address.
    func newOrigin() -> SDPOrigin {
        let address = engine.address
        return SDPOrigin(username: "switchboard", sessionID: String(UInt64.random(in: 1...UInt64(Int64.max))), sessionVersion: 1,
                         addressType: address.contains(":") ? "IP6" : "IP4", unicastAddress: address)
    }

    func start(_ callID: CallID, queue: String, offer: HoldOffer, completion: @escaping ([UInt8]?) -> Void) {
        guard streams[callID] == nil, let hold = queues[queue], let negotiated = offer.negotiated as? LegMedia else {
            completion(nil)
            return
        }
        let audio = negotiated.audio
        let source: MediaSource = if let welcome = hold.welcome { .prompts([welcome], thenMusic: hold.music) } else { .music(hold.music ?? "") }
        streams[callID] = .opening(stopped: false)
        engine.startingStream(MediaStreamID(callID), negotiated: audio, source: source).hop(to: loop).assumeIsolated().whenComplete { result in
            guard case .opening(let stopped) = self.streams[callID] else { return }
            defer { self.resumeOffers(callID) }
            switch result {
            case .success where stopped:
                self.close(callID)
            case .success(let port):
                self.streams[callID] = .open(nil)
                if self.anchorsMedia { self.callers[callID] = (queue, audio) }
                var leg = negotiated
                leg.description.media[audio.mediaIndex].port = port
                self.legs[MediaStreamID(callID)] = leg
                completion(leg.description.serialized())
                if hold.announces || hold.periodicPrompt != nil { self.startAnnouncements(callID, queue: queue, hold: hold) }
            case .failure(let error):
                self.streams[callID] = nil
                self.logger.warning("hold media stream not opened", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
                if !stopped { completion(nil) }
            }
        }
    }

    func stop(_ callID: CallID) {
        stopAgentLegs(callID, except: nil)
        stopCallerStream(callID)
    }

    /// Closes an open stream; the call forgets it at once, the port returns once the socket is closed.
    func close(_ callID: CallID) {
        if case .open(let announcements?) = streams[callID] {
            for timer in [announcements.timer, announcements.promptTimer].compactMap(\.self) { wheel.cancel(timer) }
        }
        streams[callID] = nil
        legs[MediaStreamID(callID)] = nil
        engine.stoppingStream(MediaStreamID(callID)).whenFailure { error in
            self.logger.debug("hold media stream not stopped", metadata: ["sip.call_id": "\(callID)", "media.error": "\(error)"])
        }
    }
}
