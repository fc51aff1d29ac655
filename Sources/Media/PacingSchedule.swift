/// One timer for every outgoing stream, each stream at a fixed phase of the 20 ms frame period: tells
/// the edge, at each tick, how many periods passed (what shared cursors such as ``HoldMusicLoop``
/// advance by), which streams are due and how many frames each must send.
///
/// Ticks fall on a fixed grid of ``slotInterval`` (`anchor + k · interval / phases`) of the edge's
/// monotonic time, passed in as `now` (time since any origin the edge chooses): slot `k` belongs to
/// period `k / phases` and is phase `k % phases` of it. Each stream is given a phase when added (the
/// phase with the fewest streams, the soonest among equals) and is due at that phase of every
/// period, so the streams' packets are spread over the period in small bursts instead of one burst of
/// all of them. A stream joins at the first slot of its phase at or after the moment it was added. A
/// late tick (the loop was busy) sends every frame that fell due, up to ``maximumCatchUp`` per
/// stream; when more fell due, the rest are reported as skipped and the grid re-anchors at `now`, so
/// a stall never turns into a burst.
public struct PacingSchedule<Stream: Hashable & Sendable>: Sendable {
    /// What one call of ``tick(now:)`` found.
    public typealias Tick = PacingTick<Stream>

    /// The frame period: one 20 ms G.711 frame.
    public let interval: Duration = .milliseconds(20)
    /// The phases of a period; a stream is due at one of them.
    public let phases: Int
    /// The most frames a stream sends at one tick.
    public let maximumCatchUp: Int
    /// The time of the next slot; the edge sleeps until then.
    @inlinable public var nextTick: Duration { nextSlotTime }
    @usableFromInline var nextSlotTime: Duration
    /// The index of the next slot, counted from the first.
    @usableFromInline var nextSlot = 0
    /// Each phase's streams in the order they were added, with the slot each joins at (nil once joined).
    @usableFromInline var members: [[(stream: Stream, joinSlot: Int?)]]
    @usableFromInline var phaseOf: [Stream: Int] = [:]

    /// Creates a schedule whose first slot is at `start`, with `phases` phases per 20 ms period (1…20:
    /// one tick every 20 ms down to one every millisecond).
    public init(start: Duration, maximumCatchUp: Int = 3, phases: Int = 1) {
        self.maximumCatchUp = max(maximumCatchUp, 1)
        self.phases = [1, 2, 4, 5, 10, 20].last { $0 <= max(phases, 1) } ?? 1
        members = Array(repeating: [], count: self.phases)
        nextSlotTime = start
    }

    /// The time between two slots: the period divided by the phases.
    @inlinable public var slotInterval: Duration { interval / phases }

    /// Whether any stream is scheduled; when none is, the edge may let its timer rest.
    public var isIdle: Bool { phaseOf.isEmpty }

    /// The streams scheduled, joined or about to join: phase by phase, each in the order added.
    public var scheduledStreams: [Stream] { members.flatMap { $0.map(\.stream) } }

    /// The phase `stream` was given, nil when it is not scheduled.
    public func phase(of stream: Stream) -> Int? { phaseOf[stream] }

    /// Adds `stream` at `now` to the phase with the fewest streams (the soonest after `now` among
    /// equals): it is first due at the first slot of that phase at or after `now`. Adding a stream
    /// already scheduled changes nothing.
    public mutating func add(_ stream: Stream, now: Duration) {
        guard phaseOf[stream] == nil else { return }
        if isIdle, nextTick < now {
            let passed = slotsPassed(from: nextTick, to: now - .nanoseconds(1))
            nextSlotTime += slotInterval * passed
            nextSlot += passed
        }
        let current = nextSlot + slotsPassed(from: nextTick, to: now - .nanoseconds(1))
        var phase = current % phases
        for step in 1..<phases where members[(current + step) % phases].count < members[phase].count {
            phase = (current + step) % phases
        }
        members[phase].append((stream, current + (phase - current % phases + phases) % phases))
        phaseOf[stream] = phase
    }

    /// Removes `stream`; it is no longer due.
    public mutating func remove(_ stream: Stream) {
        guard let phase = phaseOf.removeValue(forKey: stream) else { return }
        members[phase].removeAll { $0.stream == stream }
    }

    /// The slots passed by `now`, the periods they ended, the streams due and their frames; nothing
    /// before ``nextTick``.
    @inlinable public mutating func tick(now: Duration) -> Tick {
        guard now >= nextTick else { return Tick(slots: 0, boundaries: 0, due: []) }
        let first = nextSlot
        let count = slotsPassed(from: nextTick, to: now)
        let last = first + count - 1
        var due: [Tick.Due] = []
        for step in 0..<min(count, phases) {
            let phase = (first + step) % phases
            for index in members[phase].indices {
                let from = max(first, members[phase][index].joinSlot ?? first)
                guard from <= last else { continue }
                members[phase][index].joinSlot = nil
                let firstDue = from + (phase - from % phases + phases) % phases
                guard firstDue <= last else { continue }
                let frames = (last - firstDue) / phases + 1
                let sent = min(frames, maximumCatchUp)
                let lastPeriod = (firstDue + (frames - 1) * phases) / phases - first / phases
                due.append(.init(stream: members[phase][index].stream, frames: sent, skipped: frames - sent,
                                 period: lastPeriod - sent + 1))
            }
        }
        nextSlotTime = count > maximumCatchUp * phases ? now + slotInterval : nextSlotTime + slotInterval * count
        nextSlot = last + 1
        return Tick(slots: count, boundaries: (last + 1) / phases - first / phases, due: due)
    }

    /// The number of slots `from`, `from + slotInterval`, … that are at or before `to`.
    @usableFromInline func slotsPassed(from: Duration, to: Duration) -> Int {
        guard to >= from else { return 0 }
        return Int((to - from).nanoseconds / slotInterval.nanoseconds) + 1
    }
}

extension Duration {
    /// The duration in whole nanoseconds, for exact arithmetic on the tick grid.
    @usableFromInline var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
