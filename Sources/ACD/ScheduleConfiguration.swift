/// Business hours, holidays and the time zone they are read in, for one queue.
///
/// A caller arriving is treated by the first state that applies, in the order
/// emergency (the runtime switch) > holiday > closed > open; each non-open state overflows with
/// its own reason (``OverflowReason/emergency``, ``OverflowReason/holiday``,
/// ``OverflowReason/closed``) to the queue's target for that reason. Local times follow the
/// time zone's daylight-saving rules, so "08:00" is 08:00 on the wall clock all year.
public struct ScheduleConfiguration: Hashable, Sendable {
    /// An IANA time zone identifier, for example `Europe/Berlin`.
    public var timeZone: String
    /// The weekly opening hours; a day without an entry is closed.
    public var weeklyHours: [WeeklyHours]
    /// Dates and ranges of dates on which the queue is on holiday.
    public var holidays: [Holiday]

    /// Creates a schedule.
    public init(timeZone: String, weeklyHours: [WeeklyHours], holidays: [Holiday] = []) {
        self.timeZone = timeZone
        self.weeklyHours = weeklyHours
        self.holidays = holidays
    }

    /// The state of the schedule at a local time, ignoring the emergency switch.
    func state(at local: LocalTime) -> ScheduleState {
        if let holiday = holidays.first(where: { $0.first <= local.date && local.date <= $0.last }) {
            return .holiday(holiday.name)
        }
        let open = weeklyHours.contains { hours in
            hours.weekday == local.weekday
                && hours.opens.minutesSinceMidnight <= local.minuteOfDay
                && local.minuteOfDay < hours.closes.minutesSinceMidnight
        }
        return open ? .open : .closed
    }
}
