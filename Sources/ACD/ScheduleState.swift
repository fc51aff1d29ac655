/// What a queue's schedule says at an instant.
public enum ScheduleState: Hashable, Sendable {
    /// Open: callers queue.
    case open
    /// Outside the weekly hours.
    case closed
    /// On the named holiday.
    case holiday(String)
    /// The emergency switch is on.
    case emergency

    /// The overflow reason for callers arriving in this state, `nil` when open.
    var overflowReason: OverflowReason? {
        switch self {
        case .open: nil
        case .closed: .closed
        case .holiday: .holiday
        case .emergency: .emergency
        }
    }
}
