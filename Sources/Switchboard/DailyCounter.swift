import ACD
import Foundation

/// Counts per key for one local day: the counts start over with the first record of a new day, and
/// a day with no record reads zero. The day's bounds are worked out by the calendar once a day, not
/// at every record (the calendar's arithmetic costs microseconds, paid by every answered call).
struct DailyCounter: Sendable {
    private let calendar: Calendar
    /// The day counted: from its midnight to the next.
    private var day: Range<Date>?
    private var counts: [String: Int] = [:]

    /// A counter whose days begin at midnight in `timeZone`.
    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Counts one for `key` on the day of `date`.
    mutating func record(_ key: String, at date: Date) {
        if day?.contains(date) != true {
            day = calendar.dateInterval(of: .day, for: date).map { $0.start..<$0.end }
            counts = [:]
        }
        counts[key, default: 0] += 1
    }

    /// The count of `key` on the day of `date`.
    func count(_ key: String, at date: Date) -> Int {
        day?.contains(date) == true ? counts[key, default: 0] : 0
    }
}

extension ACDInstant {
    /// The instant as a Foundation date.
    var date: Date { Date(timeIntervalSince1970: Double(nanosecondsSinceEpoch) / 1_000_000_000) }
}
