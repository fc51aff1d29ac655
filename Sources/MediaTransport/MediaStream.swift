import Media
import NIOCore
import SIPCore
import SRTP
#if canImport(Glibc)
import Glibc
#endif

/// One open stream of the engine: its socket, its sender and what it plays. Confined to the engine's
/// event loop.
final class MediaStream {
    // The members the pacing tick reads for every packet come first, in the order it reads them, so
    // that they share the object's first cache lines (Swift lays out a class's stored properties in
    // the order they are declared): with thousands of streams each touched once per 20 ms, a miss
    // per member read is what the tick spends most of its own time on.

    /// Anchored media: the bridged stream whose received packets this one re-sends, with its relay.
    var bridge: (peer: Int, relay: RTPRelay)?
    /// Prompt sequences still to play, in order, in front of the music.
    var announcements: [PromptSequence]
    /// The index of the music on hold played once the announcements have finished.
    var music: Int?
    var codec: G711Codec
    var sender: RTPSender
    /// Protects what the stream sends and unprotects what it receives when it runs over SRTP.
    let srtp: (outbound: SRTPContext, inbound: SRTPContext)?
    var counters = MediaStreamCounters()
    /// Anchored media: the stream this one is bridged to once its prompts (the whisper) have played.
    var pendingBridge: Int?
    /// When the stream's next RTCP report is due, and its CNAME.
    var reporter: RTCPReporter
    /// The descriptor of the port's sending socket (``DirectSocket``), which the pacing tick writes
    /// to directly; closed by ``closeSendingSocket()``.
    let sendingSocket: CInt
    /// `destination` as the pacing tick's `sendto` takes it.
    private(set) var rawDestination: RawSocketAddress?

    let id: MediaStreamID
    let channel: any Channel
    let port: Int
    /// The payload types received on this stream: its audio and its telephone-event.
    var received: (audio: UInt8, telephoneEvent: UInt8?)
    /// Where packets go; nil when the stream sends nothing (a 0.0.0.0 remote or a direction that
    /// forbids sending).
    var destination: SocketAddress? {
        didSet { rawDestination = destination.map(RawSocketAddress.init) }
    }
    var receiver: DTMFReceiver?
    /// The socket of the RTCP port, the RTP port + 1 (RFC 3550 §11).
    let controlChannel: any Channel
    /// Where RTCP goes (the RTP address and port + 1, or the SDP's `a=rtcp`, RFC 3605); nil when the
    /// stream sends nothing.
    var controlDestination: SocketAddress?
    /// Anchored media: the RTP timestamp of the last packet relayed and when it went out, for the reports.
    var lastRelayed: (timestamp: UInt32, at: Duration)?

    init(id: MediaStreamID, channel: any Channel, sendingSocket: CInt, controlChannel: any Channel, port: Int, negotiated: NegotiatedAudio,
         destination: SocketAddress?, controlDestination: SocketAddress?, sender: RTPSender, reporter: RTCPReporter,
         prompts: [Prompt], music: Int?, srtp: (outbound: SRTPContext, inbound: SRTPContext)?) {
        self.id = id
        self.channel = channel
        self.sendingSocket = sendingSocket
        self.controlChannel = controlChannel
        self.controlDestination = controlDestination
        self.reporter = reporter
        self.port = port
        codec = negotiated.codec
        received = (negotiated.payloadType, negotiated.telephoneEventPayloadType)
        self.destination = destination
        rawDestination = destination.map(RawSocketAddress.init)
        self.sender = sender
        receiver = negotiated.telephoneEventPayloadType.map(DTMFReceiver.init(payloadType:))
        announcements = []
        self.music = music
        self.srtp = srtp
        queue(prompts)
    }

    /// Closes the sending socket, before `channel`: the port's datagrams then have no socket but the
    /// channel's to go to.
    func closeSendingSocket() {
        close(sendingSocket)
    }

    /// Queues `prompts` after the announcements already waiting.
    func queue(_ prompts: [Prompt]) {
        let sequence = PromptSequence(prompts)
        if !sequence.isFinished { announcements.append(sequence) }
    }

    /// The frame this stream sends `offset` boundaries into a tick: the next announcement frame, else
    /// the music's frame of that boundary, else nil (nothing to send).
    func nextFrame(offset: Int, loops: [HoldMusicLoop]) -> ArraySlice<UInt8>? {
        if !announcements.isEmpty, let frame = announcements[0].nextFrame(codec: codec) {
            // The last one over, the array lets go of its buffer: an empty array then reads the shared
            // empty storage, not a buffer of this stream's that the tick would miss in the cache.
            if announcements[0].isFinished { announcements = Array(announcements.dropFirst()) }
            return frame
        }
        guard let music else { return nil }
        return offset == 0 ? loops[music].currentFrame(codec: codec) : loops[music].frame(ahead: offset, codec: codec)
    }

    /// The stream's RTP timestamp at `now`: a bridged stream's from its last relayed packet, 8 units
    /// per millisecond since; a paced stream's, that of the frame of its latest slot.
    func rtpTimestamp(at now: Duration) -> UInt32 {
        guard bridge != nil, let lastRelayed else { return sender.timestamp &- RTPSender.samplesPerFrame }
        let elapsed = (now - lastRelayed.at) / .microseconds(125)
        return lastRelayed.timestamp &+ UInt32(truncatingIfNeeded: Int(max(elapsed, 0)))
    }

    /// Where the stream's RTP and RTCP go; nil both when it sends nothing. Throws
    /// ``MediaEngineError/unusableRemoteAddress(_:port:)`` when an address is not numeric.
    static func destinations(of negotiated: NegotiatedAudio) throws(MediaEngineError) -> (rtp: SocketAddress?, rtcp: SocketAddress?) {
        guard sends(negotiated) else { return (nil, nil) }
        guard let rtp = try? SocketAddress(ipAddress: negotiated.remoteAddress, port: negotiated.remotePort) else {
            throw .unusableRemoteAddress(negotiated.remoteAddress, port: negotiated.remotePort)
        }
        guard let rtcp = try? SocketAddress(ipAddress: negotiated.remoteRTCPAddress, port: negotiated.remoteRTCPPort) else {
            throw .unusableRemoteAddress(negotiated.remoteRTCPAddress, port: negotiated.remoteRTCPPort)
        }
        return (rtp, rtcp)
    }

    /// Whether the negotiated stream lets us send to `remoteAddress` (RFC 3264 §6.1, §8.4).
    static func sends(_ negotiated: NegotiatedAudio) -> Bool {
        guard negotiated.direction == .sendrecv || negotiated.direction == .sendonly else { return false }
        return negotiated.remoteAddress != "0.0.0.0" && negotiated.remoteAddress != "::" && negotiated.remotePort > 0
    }
}
