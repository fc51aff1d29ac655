import Testing
@testable import ACD

@Suite("Schedules: weekly hours, holidays, emergency")
struct ScheduleTests {
    static let berlin = ScheduleConfiguration(
        timeZone: "Europe/Berlin",
        weeklyHours: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].map {
            WeeklyHours(weekday: $0, opens: TimeOfDay(hour: 8), closes: TimeOfDay(hour: 17))
        },
        holidays: [
            Holiday(name: "Christmas", first: LocalDate(year: 2025, month: 12, day: 24), last: LocalDate(year: 2025, month: 12, day: 26)),
            Holiday(name: "New Year", on: LocalDate(year: 2026, month: 1, day: 1)),
        ]
    )

    static func configuration() -> ACDConfiguration {
        singleQueue(agents: ["a1"]) { queue in
            queue.schedule = berlin
            queue.overflowTargets = [.closed: .number("+closed"), .holiday: .number("+holiday"), .emergency: .number("+emergency")]
        }
    }

    @Test("08:00-17:00 local time holds across daylight-saving changes", arguments: [
        (Int64(1_743_143_400), OverflowReason?.some(.closed)),
        (1_743_402_600, nil),
        (1_743_400_740, .closed),
        (1_761_287_400, nil),
        (1_761_546_600, .closed),
        (1_761_548_400, nil),
        (1_766_829_600, .closed),
        (1_767_002_400, nil),
    ])
    func weeklyHours(secondsSinceEpoch: Int64, expected: OverflowReason?) throws {
        var harness = try Harness(Self.configuration(), start: ACDInstant(secondsSinceEpoch: secondsSinceEpoch))
        let decisions = harness.arrive("c1")
        #expect(decisions.overflows.map(\.reason) == (expected.map { [$0] } ?? []))
        #expect(decisions.contains { if case .queued = $0 { true } else { false } } == (expected == nil))
    }

    @Test("a holiday range overrides opening hours, with its own target")
    func holiday() throws {
        var harness = try Harness(Self.configuration(), start: ACDInstant(secondsSinceEpoch: 1_766_656_800))
        #expect(harness.arrive("c1").overflows.map(\.target) == [.number("+holiday")])
        #expect(Self.berlin.state(at: LocalTime(date: LocalDate(year: 2026, month: 1, day: 1), weekday: .thursday, minuteOfDay: 600))
            == .holiday("New Year"))
    }

    @Test("the emergency switch comes first and can be turned off again")
    func emergency() throws {
        var harness = try Harness(Self.configuration(), start: ACDInstant(secondsSinceEpoch: 1_766_656_800))
        harness.send(.emergencyChanged(queue: nil, active: true))
        #expect(harness.arrive("c1").overflows.map(\.reason) == [.emergency])
        harness.send(.emergencyChanged(queue: "q", active: false))
        #expect(harness.arrive("c2").overflows.map(\.reason) == [.holiday])
    }

    @Test("a queue without a schedule is always open")
    func noSchedule() throws {
        var harness = try Harness(singleQueue(agents: ["a1"]), start: ACDInstant(secondsSinceEpoch: 1_766_829_600))
        #expect(harness.arrive("c1").overflows.isEmpty)
    }
}
