import Media
import Testing

/// The pacing schedule on a mock clock: one 20 ms grid, joins on the next boundary, bounded catch-up.
@Suite("Pacing schedule")
struct PacingScheduleTests {
    /// Milliseconds as the edge's monotonic time.
    static func at(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }

    static func frames(_ tick: PacingSchedule<String>.Tick) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: tick.due.map { ($0.stream, $0.frames) })
    }

    @Test("on-time ticks give every stream one frame, on one timer")
    func onTime() {
        var schedule = PacingSchedule<String>(start: Self.at(0))
        schedule.add("a", now: Self.at(0))
        schedule.add("b", now: Self.at(0))
        for tick in 0..<5 {
            #expect(schedule.nextTick == Self.at(20 * tick))
            #expect(Self.frames(schedule.tick(now: Self.at(20 * tick))) == ["a": 1, "b": 1])
        }
        #expect(schedule.tick(now: Self.at(85)) == .init(slots: 0, boundaries: 0, due: []))
        #expect(schedule.nextTick == Self.at(100))
    }

    @Test("a stream joins at the next boundary, not at once")
    func join() {
        var schedule = PacingSchedule<String>(start: Self.at(0))
        schedule.add("a", now: Self.at(0))
        _ = schedule.tick(now: Self.at(0))
        schedule.add("b", now: Self.at(7))
        schedule.add("b", now: Self.at(9))
        #expect(schedule.scheduledStreams == ["a", "b"])
        #expect(schedule.tick(now: Self.at(7)).due.isEmpty)
        #expect(Self.frames(schedule.tick(now: Self.at(20))) == ["a": 1, "b": 1])
    }

    @Test("a stream added at a boundary the late tick already passed sends only its own frames")
    func joinDuringLateTick() {
        var schedule = PacingSchedule<String>(start: Self.at(0), maximumCatchUp: 5)
        schedule.add("a", now: Self.at(0))
        _ = schedule.tick(now: Self.at(0))
        schedule.add("b", now: Self.at(30))
        #expect(Self.frames(schedule.tick(now: Self.at(62))) == ["a": 3, "b": 2])
        #expect(Self.frames(schedule.tick(now: Self.at(80))) == ["a": 1, "b": 1])
    }

    @Test("a late tick catches up the frames that fell due, on the same grid")
    func catchUp() {
        var schedule = PacingSchedule<String>(start: Self.at(0), maximumCatchUp: 3)
        schedule.add("a", now: Self.at(0))
        _ = schedule.tick(now: Self.at(0))
        let tick = schedule.tick(now: Self.at(65))
        #expect(tick == .init(slots: 3, boundaries: 3, due: [.init(stream: "a", frames: 3, skipped: 0, period: 0)]))
        #expect(schedule.nextTick == Self.at(80))
    }

    @Test("a long stall sends at most the bound, skips the rest and re-anchors at now")
    func reanchor() {
        var schedule = PacingSchedule<String>(start: Self.at(0), maximumCatchUp: 3)
        schedule.add("a", now: Self.at(0))
        _ = schedule.tick(now: Self.at(0))
        let tick = schedule.tick(now: Self.at(205))
        #expect(tick == .init(slots: 10, boundaries: 10, due: [.init(stream: "a", frames: 3, skipped: 7, period: 7)]))
        #expect(schedule.nextTick == Self.at(225))
        #expect(Self.frames(schedule.tick(now: Self.at(225))) == ["a": 1])
    }

    @Test("removed streams are no longer due; an idle schedule resumes on its grid")
    func idle() {
        var schedule = PacingSchedule<String>(start: Self.at(0))
        schedule.add("a", now: Self.at(0))
        _ = schedule.tick(now: Self.at(0))
        schedule.remove("a")
        #expect(schedule.isIdle)
        schedule.add("b", now: Self.at(1_013))
        #expect(schedule.nextTick == Self.at(1_020))
        #expect(Self.frames(schedule.tick(now: Self.at(1_020))) == ["b": 1])
    }

    @Test("a stream added exactly on a boundary is due at that boundary")
    func joinOnBoundary() {
        var schedule = PacingSchedule<String>(start: Self.at(40))
        schedule.add("a", now: Self.at(40))
        #expect(schedule.nextTick == Self.at(40))
        #expect(Self.frames(schedule.tick(now: Self.at(40))) == ["a": 1])
    }
}
