import Foundation
@testable import Switchboard
import Testing

@Suite("Counts per local day")
struct DailyCounterTests {
    private static let paris = TimeZone(identifier: "Europe/Paris")!

    /// `hour`:`minute` local time in Paris on `day` March 2026 (the clocks go forward on the 29th).
    private static func march(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        return calendar.date(from: DateComponents(year: 2026, month: 3, day: day, hour: hour, minute: minute))!
    }

    @Test("records of one day add up; the first record of the next day starts over at local midnight")
    func startsOverAtLocalMidnight() {
        var counter = DailyCounter(timeZone: Self.paris)
        counter.record("alice", at: Self.march(28, 0))
        counter.record("alice", at: Self.march(28, 23, 59))
        counter.record("bob", at: Self.march(28, 12))
        #expect(counter.count("alice", at: Self.march(28, 18)) == 2)
        #expect(counter.count("bob", at: Self.march(28, 18)) == 1)
        #expect(counter.count("alice", at: Self.march(29, 0)) == 0, "a day with no record reads zero")
        counter.record("alice", at: Self.march(29, 0))
        #expect(counter.count("alice", at: Self.march(29, 23)) == 1)
        #expect(counter.count("bob", at: Self.march(29, 23)) == 0)
        #expect(counter.count("alice", at: Self.march(28, 18)) == 0, "only the latest day is kept")
    }

    @Test("a day of 23 hours (clocks forward) ends at its own midnight")
    func shortDay() {
        var counter = DailyCounter(timeZone: Self.paris)
        counter.record("alice", at: Self.march(29, 1))
        counter.record("alice", at: Self.march(29, 23, 30))
        #expect(counter.count("alice", at: Self.march(29, 12)) == 2)
        #expect(counter.count("alice", at: Self.march(30, 0, 30)) == 0)
    }

    @Test("a record dated before the day counted starts over too (the clock was set back)")
    func clockSetBack() {
        var counter = DailyCounter(timeZone: Self.paris)
        counter.record("alice", at: Self.march(28, 10))
        counter.record("alice", at: Self.march(27, 23))
        #expect(counter.count("alice", at: Self.march(27, 12)) == 1)
        #expect(counter.count("alice", at: Self.march(28, 10)) == 0)
    }
}
