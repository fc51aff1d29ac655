/// Opening hours on one weekday, from `opens` (inclusive) to `closes` (exclusive, 24:00 allowed).
public struct WeeklyHours: Hashable, Sendable {
    /// The weekday these hours apply to.
    public var weekday: Weekday
    /// Opening time, local.
    public var opens: TimeOfDay
    /// Closing time, local; must be after `opens`.
    public var closes: TimeOfDay

    /// Creates one day's opening hours.
    public init(weekday: Weekday, opens: TimeOfDay, closes: TimeOfDay) {
        self.weekday = weekday
        self.opens = opens
        self.closes = closes
    }
}
