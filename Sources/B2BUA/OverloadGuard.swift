import SIPTransport

/// Whether Switchboard is behind on what it received, judged by the unread backlog of its UDP
/// listeners: overloaded once the backlog reaches an eighth of what the receive queues hold, and clear
/// again only below a thirty-second, so a backlog around the mark does not flip the state on every
/// INVITE. While overloaded, new calls are refused at once and everything in progress is still served,
/// so the queue drains before the kernel drops the ACKs, BYEs and answers of calls already up.
///
/// Under a sustained overload the state flips often; for the log, flips group into episodes: one starts
/// at the first flip to overloaded and ends once the state stayed clear for ``quietPeriod``.
public struct OverloadGuard: Hashable, Sendable {
    /// How long the state must stay clear before an episode counts as over.
    public static let quietPeriod = Duration.seconds(5)

    /// An overload episode: when it started and the new calls refused in it.
    public struct Episode: Hashable, Sendable {
        /// When the first flip to overloaded happened.
        public var startedAt: Duration
        /// New calls refused during the episode.
        public var refused: Int

        /// Creates an episode.
        public init(startedAt: Duration, refused: Int) {
            self.startedAt = startedAt
            self.refused = refused
        }
    }

    /// Whether new calls are refused now.
    public private(set) var isOverloaded = false
    /// The episode in progress, if any.
    public private(set) var episode: Episode?
    private var clearSince: Duration?

    /// Creates a guard that is not overloaded.
    public init() {}

    /// Takes a reading at `now`; returns whether an episode started with it.
    public mutating func observe(_ backlog: InboundBacklog, now: Duration) -> Bool {
        guard backlog.capacityBytes > 0 else { return false }
        let overloaded = isOverloaded ? backlog.queuedBytes * 32 >= backlog.capacityBytes : backlog.queuedBytes * 8 >= backlog.capacityBytes
        defer { isOverloaded = overloaded }
        if overloaded {
            clearSince = nil
            guard episode == nil else { return false }
            episode = Episode(startedAt: now, refused: 0)
            return true
        }
        if isOverloaded { clearSince = now }
        return false
    }

    /// Counts a new call refused while overloaded.
    public mutating func refused() {
        episode?.refused += 1
    }

    /// The episode, once the state has stayed clear for ``quietPeriod`` at `now`; it is then over.
    public mutating func endedEpisode(now: Duration) -> Episode? {
        guard !isOverloaded, let clearSince, now - clearSince >= Self.quietPeriod, let ended = episode else { return nil }
        episode = nil
        self.clearSince = nil
        return ended
    }
}
