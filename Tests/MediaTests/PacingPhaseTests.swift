import Media
import Testing

/// The pacing schedule's phases on a mock clock: streams spread over the 20 ms period, each at one
/// fixed phase of it, on one timer ticking every 20 ms / phases.
@Suite("Pacing schedule: phases")
struct PacingPhaseTests {
    static func at(_ microseconds: Int) -> Duration { .microseconds(microseconds) }

    static func due(_ tick: PacingSchedule<String>.Tick) -> [String: PacingSchedule<String>.Tick.Due] {
        Dictionary(uniqueKeysWithValues: tick.due.map { ($0.stream, $0) })
    }

    @Test("streams go to the least loaded phase, the soonest among equals, and are due once per period at it")
    func spread() {
        var schedule = PacingSchedule<String>(start: .zero, phases: 4)
        #expect(schedule.slotInterval == .milliseconds(5))
        for name in ["a", "b", "c", "d", "e"] { schedule.add(name, now: Self.at(1_000)) }
        #expect(["a", "b", "c", "d", "e"].map { schedule.phase(of: $0) } == [1, 2, 3, 0, 1])
        var sends: [String: [Int]] = [:]
        var boundaries = 0
        for slot in 1...9 {
            #expect(schedule.nextTick == .milliseconds(5 * slot))
            let tick = schedule.tick(now: .milliseconds(5 * slot))
            #expect(tick.slots == 1)
            boundaries += tick.boundaries
            for due in tick.due {
                #expect(due.frames == 1 && due.skipped == 0 && due.period == 0)
                sends[due.stream, default: []].append(slot)
            }
        }
        #expect(sends == ["a": [1, 5, 9], "b": [2, 6], "c": [3, 7], "d": [4, 8], "e": [1, 5, 9]])
        #expect(boundaries == 2, "the periods that ended: slots 0–3 and 4–7")
    }

    @Test("a late tick gives each stream the frames of its own phase, with the period each belongs to")
    func lateTick() {
        var schedule = PacingSchedule<String>(start: .zero, maximumCatchUp: 3, phases: 4)
        schedule.add("a", now: .zero)
        schedule.add("b", now: .zero)
        #expect(schedule.phase(of: "a") == 0 && schedule.phase(of: "b") == 1)
        _ = schedule.tick(now: .zero)
        // Slots 1 (b), 2, 3, 4 (a), 5 (b), 6: a has the frame of period 1, b those of periods 0 and 1.
        let tick = schedule.tick(now: .milliseconds(31))
        #expect(tick.slots == 6 && tick.boundaries == 1)
        #expect(Self.due(tick) == ["a": .init(stream: "a", frames: 1, skipped: 0, period: 1),
                                   "b": .init(stream: "b", frames: 2, skipped: 0, period: 0)])
        #expect(schedule.nextTick == .milliseconds(35))
    }

    @Test("a stall longer than the catch-up skips the oldest frames and re-anchors the slots at now")
    func stall() {
        var schedule = PacingSchedule<String>(start: .zero, maximumCatchUp: 2, phases: 2)
        schedule.add("a", now: .zero)
        _ = schedule.tick(now: .zero)
        // Slots 1…10 (10 ms apart): "a" at phase 0 was due at slots 2, 4, 6, 8, 10 (periods 1…5).
        let tick = schedule.tick(now: .milliseconds(103))
        #expect(tick.slots == 10 && tick.boundaries == 5)
        #expect(tick.due == [.init(stream: "a", frames: 2, skipped: 3, period: 4)])
        #expect(schedule.nextTick == .milliseconds(113))
    }

    @Test("a stream added between slots joins at its phase's next slot, not before")
    func join() {
        var schedule = PacingSchedule<String>(start: .zero, phases: 2)
        schedule.add("a", now: .zero)
        _ = schedule.tick(now: .zero)
        schedule.add("b", now: Self.at(3_000))
        #expect(schedule.phase(of: "b") == 1)
        #expect(schedule.tick(now: Self.at(9_000)).due.isEmpty)
        #expect(schedule.tick(now: .milliseconds(10)).due.map(\.stream) == ["b"])
        #expect(schedule.tick(now: .milliseconds(20)).due.map(\.stream) == ["a"])
        schedule.remove("b")
        #expect(schedule.tick(now: .milliseconds(30)).due.isEmpty)
        #expect(schedule.scheduledStreams == ["a"])
    }
}
