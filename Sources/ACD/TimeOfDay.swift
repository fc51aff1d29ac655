/// A wall-clock time of day, 00:00 to 24:00.
public struct TimeOfDay: Hashable, Sendable {
    /// Hour, 0...24.
    public var hour: Int
    /// Minute, 0...59.
    public var minute: Int

    /// Creates a time of day.
    public init(hour: Int, minute: Int = 0) {
        self.hour = hour
        self.minute = minute
    }

    /// Minutes since local midnight.
    var minutesSinceMidnight: Int { hour * 60 + minute }
}
