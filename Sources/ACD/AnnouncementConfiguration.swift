/// What the caller hears while waiting; carried for the media side, not used by the engine.
public struct AnnouncementConfiguration: Hashable, Sendable {
    /// When to announce the caller's position.
    public enum PositionMode: Hashable, Sendable {
        /// Never.
        case never
        /// At every announcement.
        case always
        /// Only when the position improved since the last announcement.
        case whenImproved
        /// Only while the position is at most this.
        case upTo(Int)
    }

    /// When to announce the estimated wait.
    public enum EWTMode: Hashable, Sendable {
        /// Never.
        case never
        /// Once, after the welcome prompt.
        case once
        /// Every interval.
        case periodic(Duration)
    }

    /// Prompt played when the caller enters the queue.
    public var welcomePrompt: String?
    /// Music on hold; `nil` plays ringback instead.
    public var musicOnHold: String?
    /// Position announcements.
    public var position: PositionMode
    /// Estimated-wait announcements.
    public var ewt: EWTMode
    /// EWT is announced rounded up to a multiple of this.
    public var ewtRounding: Duration
    /// A prompt repeated while waiting.
    public var periodicPrompt: String?
    /// How often ``periodicPrompt`` plays.
    public var periodicPromptInterval: Duration
    /// Whispered to the agent before bridging (for example the queue's name).
    public var whisperPrompt: String?
    /// Prefixed to the caller's display name so the agent sees the queue.
    public var callerNamePrefix: String?
    /// Whether the hold media goes to the caller as early media (`183` with SDP), the caller being
    /// answered only when an agent is.
    public var earlyMedia: Bool

    /// Creates announcement settings; by default ringback and no prompts.
    public init(
        welcomePrompt: String? = nil,
        musicOnHold: String? = nil,
        position: PositionMode = .never,
        ewt: EWTMode = .never,
        ewtRounding: Duration = .seconds(60),
        periodicPrompt: String? = nil,
        periodicPromptInterval: Duration = .seconds(60),
        whisperPrompt: String? = nil,
        callerNamePrefix: String? = nil,
        earlyMedia: Bool = false
    ) {
        self.welcomePrompt = welcomePrompt
        self.musicOnHold = musicOnHold
        self.position = position
        self.ewt = ewt
        self.ewtRounding = ewtRounding
        self.periodicPrompt = periodicPrompt
        self.periodicPromptInterval = periodicPromptInterval
        self.whisperPrompt = whisperPrompt
        self.callerNamePrefix = callerNamePrefix
        self.earlyMedia = earlyMedia
    }
}
