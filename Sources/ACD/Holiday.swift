/// A named holiday: one date or an inclusive range of dates in the schedule's time zone.
public struct Holiday: Hashable, Sendable {
    /// The name reported in ``ScheduleState/holiday(_:)``.
    public var name: String
    /// First day of the holiday.
    public var first: LocalDate
    /// Last day of the holiday (equal to `first` for a single date).
    public var last: LocalDate

    /// Creates a holiday from `first` through `last`.
    public init(name: String, first: LocalDate, last: LocalDate) {
        self.name = name
        self.first = first
        self.last = last
    }

    /// Creates a one-day holiday.
    public init(name: String, on date: LocalDate) {
        self.init(name: name, first: date, last: date)
    }
}
