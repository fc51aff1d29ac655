/// A day of the week, numbered as the Gregorian calendar does (Sunday is 1).
public enum Weekday: Int, Hashable, Sendable, CaseIterable {
    /// Sunday.
    case sunday = 1
    /// Monday.
    case monday
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
}
