import ACD
import Foundation

/// Counts per key for one local day: the counts start over with the first record of a new day, and
/// a day with no record reads zero.
struct DailyCounter: Sendable {
    private let calendar: Calendar
    private var day: DateComponents?
    private var counts: [String: Int] = [:]

    /// A counter whose days begin at midnight in `timeZone`.
    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// Counts one for `key` on the day of `date`.
    mutating func record(_ key: String, at date: Date) {
        let today = calendar.dateComponents([.year, .month, .day], from: date)
        if today != day {
            day = today
            counts = [:]
        }
        counts[key, default: 0] += 1
    }

    /// The count of `key` on the day of `date`.
    func count(_ key: String, at date: Date) -> Int {
        calendar.dateComponents([.year, .month, .day], from: date) == day ? counts[key, default: 0] : 0
    }
}

extension ACDInstant {
    /// The instant as a Foundation date.
    var date: Date { Date(timeIntervalSince1970: Double(nanosecondsSinceEpoch) / 1_000_000_000) }
}
