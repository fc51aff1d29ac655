import ACD
import Media

/// The media edge (`media:`): where RTP binds and which prompt files the queues' announcements name.
public struct MediaSettings: Sendable, Equatable {
    /// The IP address RTP binds to and SDP advertises (`c=`).
    public var address: String
    /// The RTP ports: the even ports of the range whose RTCP port (the odd one above) is in it too.
    public var rtpPorts: ClosedRange<Int>
    /// The folder holding `<name>.wav` for each prompt a queue names, when set.
    public var promptDirectory: String?
    /// Where the media of a connected call flows: straight between caller and agent, or through Switchboard.
    public var mode: MediaMode
    /// Whether answered hold speaks SRTP with SDES keys (`media.srtp`; plain RTP only by default).
    public var srtp: SRTPPolicy
    /// The `SCHED_FIFO` priority of the media edge's loop thread (`media.realtimePriority`); nil keeps
    /// it under the normal scheduler.
    public var realtimePriority: Int?

    /// Creates the settings.
    public init(address: String, rtpPorts: ClosedRange<Int>, promptDirectory: String?, mode: MediaMode = .release,
                srtp: SRTPPolicy = .off, realtimePriority: Int? = nil) {
        self.address = address
        self.rtpPorts = rtpPorts
        self.promptDirectory = promptDirectory
        self.mode = mode
        self.srtp = srtp
        self.realtimePriority = realtimePriority
    }
}

/// A queue's answered hold: what its callers hear once Switchboard answers them, loaded and encoded.
public struct QueueHoldMedia: Sendable, Equatable {
    /// Played once when the caller is answered.
    public var welcome: Prompt?
    /// The music on hold (its name, the file's name without `.wav`) after the welcome prompt.
    public var music: String?
    /// When the caller's position is announced.
    public var position: AnnouncementConfiguration.PositionMode
    /// When the caller's estimated wait is announced.
    public var ewt: AnnouncementConfiguration.EWTMode
    /// The estimated wait is announced rounded up to a multiple of this.
    public var ewtRounding: Duration
    /// A prompt played again and again while the caller waits, in front of the music.
    public var periodicPrompt: Prompt?
    /// How often ``periodicPrompt`` plays.
    public var periodicPromptInterval: Duration
    /// Whether the caller hears the hold media as early media (`183` with Switchboard's SDP) and is
    /// answered only when an agent is.
    public var earlyMedia: Bool
    /// Anchored media: played to the agent on the agent's stream when the agent answers, before the
    /// caller and the agent are bridged.
    public var whisper: Prompt?

    /// Creates a queue's hold media; by default answered at once, without announcements or periodic prompt.
    public init(welcome: Prompt?, music: String?, position: AnnouncementConfiguration.PositionMode = .never,
                ewt: AnnouncementConfiguration.EWTMode = .never, ewtRounding: Duration = .seconds(60), periodicPrompt: Prompt? = nil,
                periodicPromptInterval: Duration = .seconds(60), earlyMedia: Bool = false, whisper: Prompt? = nil) {
        self.welcome = welcome
        self.music = music
        self.position = position
        self.ewt = ewt
        self.ewtRounding = ewtRounding
        self.periodicPrompt = periodicPrompt
        self.periodicPromptInterval = periodicPromptInterval
        self.earlyMedia = earlyMedia
        self.whisper = whisper
    }

    /// Whether the caller hears position or wait announcements.
    public var announces: Bool { position != .never || ewt != .never }
}
