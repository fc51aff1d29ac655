/// What one call of ``PacingSchedule/tick(now:)`` found.
public struct PacingTick<Stream: Hashable & Sendable>: Hashable, Sendable {
    /// A stream's share of one tick.
    public struct Due: Hashable, Sendable {
        /// The stream.
        public var stream: Stream
        /// The frames to send now: the most recent ones that fell due.
        public var frames: Int
        /// The older frames that fell due but are dropped; the edge skips them before sending
        /// (``RTPSender/skipFrames(_:)``), so the stream's timestamps stay on time.
        public var skipped: Int
        /// The period of the first frame to send, counted from the period of the tick's first slot:
        /// the frames are those of periods `period ..< period + frames`, which is how far ahead of its
        /// current frame a shared loop reads them (``HoldMusicLoop/frame(ahead:codec:)``).
        public var period: Int

        /// Creates a stream's share of a tick.
        public init(stream: Stream, frames: Int, skipped: Int, period: Int) {
            self.stream = stream
            self.frames = frames
            self.skipped = skipped
            self.period = period
        }
    }

    /// The slots that passed since the previous tick: 1 on time, more when late.
    public var slots: Int
    /// The periods that ended with the slots that passed: what shared loops advance by after the tick.
    public var boundaries: Int
    /// The streams due, phase by phase, each phase in the order its streams were added.
    public var due: [Due]

    /// Creates a tick.
    public init(slots: Int, boundaries: Int, due: [Due]) {
        self.slots = slots
        self.boundaries = boundaries
        self.due = due
    }
}
