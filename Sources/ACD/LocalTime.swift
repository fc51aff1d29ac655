/// A local date, weekday and minute of the day, as a schedule reads them.
struct LocalTime: Hashable, Sendable {
    /// The local date.
    var date: LocalDate
    /// The local weekday.
    var weekday: Weekday
    /// Minutes since local midnight.
    var minuteOfDay: Int
}
