/// One 20 ms timer for every outgoing stream: tells the edge, at each tick, how many grid boundaries
/// passed (what shared cursors such as ``HoldMusicLoop`` advance by), which streams are due and how
/// many frames each must send.
///
/// Ticks fall on a fixed grid (`anchor + k · interval`) of the edge's monotonic time, passed in as
/// `now` (time since any origin the edge chooses). A stream joins at the first grid boundary at or
/// after the moment it was added, so all streams share one timer. A late tick (the loop was busy)
/// sends every frame that fell due, up to ``maximumCatchUp`` per stream; when more fell due, the rest
/// are reported as skipped and the grid re-anchors at `now`, so a stall never turns into a burst.
public struct PacingSchedule<Stream: Hashable & Sendable>: Sendable {
    /// A stream's share of one tick.
    public struct Due: Hashable, Sendable {
        /// The stream.
        public var stream: Stream
        /// The frames to send now: the most recent ones that fell due.
        public var frames: Int
        /// The older frames that fell due but are dropped; the edge skips them before sending
        /// (``RTPSender/skipFrames(_:)``), so the stream's timestamps stay on time.
        public var skipped: Int

        /// Creates a stream's share of a tick.
        public init(stream: Stream, frames: Int, skipped: Int) {
            self.stream = stream
            self.frames = frames
            self.skipped = skipped
        }
    }

    /// What one call of ``tick(now:)`` found.
    public struct Tick: Hashable, Sendable {
        /// The grid boundaries that passed since the previous tick: 1 on time, more when late.
        public var boundaries: Int
        /// The streams due, in the order they were added.
        public var due: [Due]

        /// Creates a tick.
        public init(boundaries: Int, due: [Due]) {
            self.boundaries = boundaries
            self.due = due
        }
    }

    /// The tick interval: one 20 ms G.711 frame.
    public let interval: Duration = .milliseconds(20)
    /// The most frames a stream sends at one tick.
    public let maximumCatchUp: Int
    /// The time of the next tick; the edge sleeps until then.
    public private(set) var nextTick: Duration
    /// The streams in the order they were added, with the time each was added (nil once joined).
    private var streams: [(stream: Stream, joinAfter: Duration?)] = []

    /// Creates a schedule whose first tick is at `start`.
    public init(start: Duration, maximumCatchUp: Int = 3) {
        self.maximumCatchUp = max(maximumCatchUp, 1)
        nextTick = start
    }

    /// Whether any stream is scheduled; when none is, the edge may let its timer rest.
    public var isIdle: Bool { streams.isEmpty }

    /// The streams scheduled, joined or about to join, in the order they were added.
    public var scheduledStreams: [Stream] { streams.map(\.stream) }

    /// Adds `stream` at `now`: it is first due at the next grid boundary at or after `now`. Adding a
    /// stream already scheduled changes nothing.
    public mutating func add(_ stream: Stream, now: Duration) {
        guard !streams.contains(where: { $0.stream == stream }) else { return }
        if streams.isEmpty, nextTick < now {
            nextTick += interval * boundariesPassed(from: nextTick, to: now - .nanoseconds(1))
        }
        streams.append((stream, now))
    }

    /// Removes `stream`; it is no longer due.
    public mutating func remove(_ stream: Stream) {
        streams.removeAll { $0.stream == stream }
    }

    /// The boundaries passed by `now`, the streams due and their frames; no boundary and no stream
    /// before ``nextTick``.
    public mutating func tick(now: Duration) -> Tick {
        guard now >= nextTick else { return Tick(boundaries: 0, due: []) }
        let first = nextTick
        let count = boundariesPassed(from: first, to: now)
        let last = first + interval * (count - 1)
        var due: [Due] = []
        for index in streams.indices {
            var frames = count
            if let joinAfter = streams[index].joinAfter {
                guard joinAfter <= last else { continue }
                frames = joinAfter <= first ? count : count - boundariesPassed(from: first, to: joinAfter - .nanoseconds(1))
                streams[index].joinAfter = nil
            }
            due.append(Due(stream: streams[index].stream, frames: min(frames, maximumCatchUp),
                           skipped: max(frames - maximumCatchUp, 0)))
        }
        nextTick = count > maximumCatchUp ? now + interval : last + interval
        return Tick(boundaries: count, due: due)
    }

    /// The number of grid boundaries `from`, `from + interval`, … that are at or before `to`.
    private func boundariesPassed(from: Duration, to: Duration) -> Int {
        guard to >= from else { return 0 }
        return Int((to - from).nanoseconds / interval.nanoseconds) + 1
    }
}

extension Duration {
    /// The duration in whole nanoseconds, for exact arithmetic on the tick grid.
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
