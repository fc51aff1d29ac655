import SIPTransport

/// Whether Switchboard is behind on what it received, judged by the unread backlog of its UDP
/// listeners, and which new calls to refuse for it. Up to a thirty-second of what the receive queues
/// hold, every new call is admitted; from an eighth of it (some tens of milliseconds of work), none is;
/// in between, a share of new calls that grows with the backlog is refused, spread evenly (every
/// fourth at a quarter of the way, and so on), so the admitted rate settles where the backlog stays put
/// instead of swinging between all and nothing. Everything in progress is always served, so the queue
/// drains before the kernel drops the ACKs, BYEs and answers of calls already up.
///
/// A backlog that rises above the lower mark is tolerated for ``onset`` before the first refusal: near
/// its capacity a busy daemon holds tens of milliseconds of work for a while, and a moment without the
/// CPU (two processes on one core) drains by itself; a call refused for either is lost for nothing.
/// Sustained overload outlasts the onset. A backlog at half the buffer, where the kernel is about to
/// drop datagrams, is refused at once.
///
/// For the log, refusals group into episodes: one starts with the first refusal and ends once the
/// backlog has stayed at or below the lower mark for ``quietPeriod``. Within an episode the onset does
/// not apply.
public struct OverloadGuard: Hashable, Sendable {
    /// How long the backlog must stay low before an episode counts as over.
    public static let quietPeriod = Duration.seconds(5)
    /// How long a backlog above the lower mark is tolerated before an episode starts: well under SIP's
    /// T1 (500 ms, RFC 3261 §17.1.1.1), after which unanswered INVITEs are sent again.
    public static let onset = Duration.milliseconds(200)

    /// An overload episode: when it started and the new calls refused in it.
    public struct Episode: Hashable, Sendable {
        /// When the first refusal happened.
        public var startedAt: Duration
        /// New calls refused during the episode.
        public var refused: Int

        /// Creates an episode.
        public init(startedAt: Duration, refused: Int) {
            self.startedAt = startedAt
            self.refused = refused
        }
    }

    /// What ``admit(_:now:)`` decided for one new call.
    public struct Verdict: Hashable, Sendable {
        /// Whether the call is refused.
        public var refused: Bool
        /// Whether an overload episode started with this refusal (log it once).
        public var episodeStarted: Bool

        /// Creates a verdict.
        public init(refused: Bool, episodeStarted: Bool) {
            self.refused = refused
            self.episodeStarted = episodeStarted
        }
    }

    /// Whether an overload episode is in progress: new calls were refused, and the backlog has not yet
    /// stayed low for ``quietPeriod``.
    public var isOverloaded: Bool { episode != nil }
    /// The episode in progress, if any.
    public private(set) var episode: Episode?
    private var lowSince: Duration?
    private var highSince: Duration?
    private var owed = 0.0

    /// Creates a guard that admits every call.
    public init() {}

    /// Decides on one new call given the backlog read at `now`.
    public mutating func admit(_ backlog: InboundBacklog, now: Duration) -> Verdict {
        let share = observe(backlog, now: now)
        guard share > 0 else {
            owed = 0
            return Verdict(refused: false, episodeStarted: false)
        }
        owed += share
        guard owed >= 1 else { return Verdict(refused: false, episodeStarted: false) }
        owed -= 1
        let started = episode == nil
        if started { episode = Episode(startedAt: now, refused: 0) }
        episode?.refused += 1
        return Verdict(refused: true, episodeStarted: started)
    }

    /// Takes a reading without a call to decide on; returns the share of new calls to refuse (0…1).
    @discardableResult
    public mutating func observe(_ backlog: InboundBacklog, now: Duration) -> Double {
        guard backlog.capacityBytes > 0 else { return 0 }
        let low = Double(backlog.capacityBytes) / 32
        let high = Double(backlog.capacityBytes) / 8
        let share = min(1, max(0, (Double(backlog.queuedBytes) - low) / (high - low)))
        guard share > 0 else {
            highSince = nil
            if lowSince == nil { lowSince = now }
            return 0
        }
        lowSince = nil
        let risen = highSince ?? now
        highSince = risen
        let dropping = backlog.queuedBytes * 2 >= backlog.capacityBytes
        return episode != nil || dropping || now - risen >= Self.onset ? share : 0
    }

    /// The episode, once the backlog has stayed low for ``quietPeriod`` at `now`; it is then over.
    public mutating func endedEpisode(now: Duration) -> Episode? {
        guard let lowSince, now - lowSince >= Self.quietPeriod, let ended = episode else { return nil }
        episode = nil
        return ended
    }
}
