import Foundation

/// Reads instants as wall-clock time in one time zone, daylight saving included.
///
/// The only file of the ACD that uses Foundation: the rest of the engine only subtracts instants.
struct ScheduleCalendar: Sendable {
    private let calendar: Calendar

    /// A calendar for an IANA time zone identifier, or `nil` if the identifier is unknown.
    init?(timeZone identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The local date, weekday and minute of the day at `instant`.
    func localTime(at instant: ACDInstant) -> LocalTime {
        let seconds = Double(instant.nanosecondsSinceEpoch) / 1_000_000_000
        let parts = calendar.dateComponents(
            [.year, .month, .day, .weekday, .hour, .minute],
            from: Date(timeIntervalSince1970: seconds)
        )
        return LocalTime(
            date: LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1),
            weekday: Weekday(rawValue: parts.weekday ?? 1) ?? .sunday,
            minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        )
    }
}
