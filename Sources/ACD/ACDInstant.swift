/// A point in time as the ACD engine sees it: nanoseconds since the Unix epoch (UTC).
///
/// The engine never reads a clock; the daemon passes `now:` with every event and every tick.
/// Only schedules interpret the value as calendar time (see ``ScheduleConfiguration``); every
/// other rule only subtracts two instants, so tests may start at any value.
public struct ACDInstant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanosecondsSinceEpoch: Int64

    /// Creates an instant from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates an instant from whole seconds since the Unix epoch.
    public init(secondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = secondsSinceEpoch * 1_000_000_000
    }

    /// A textual form in seconds, for logs and test failures.
    public var description: String {
        "@\(Double(nanosecondsSinceEpoch) / 1e9)s"
    }

    /// Orders instants chronologically.
    public static func < (lhs: ACDInstant, rhs: ACDInstant) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }

    /// The instant `rhs` after `lhs`.
    public static func + (lhs: ACDInstant, rhs: Duration) -> ACDInstant {
        ACDInstant(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch &+ rhs.nanoseconds)
    }

    /// The instant `rhs` before `lhs`.
    public static func - (lhs: ACDInstant, rhs: Duration) -> ACDInstant {
        ACDInstant(nanosecondsSinceEpoch: lhs.nanosecondsSinceEpoch &- rhs.nanoseconds)
    }

    /// The time elapsed from `rhs` to `lhs`.
    public static func - (lhs: ACDInstant, rhs: ACDInstant) -> Duration {
        .nanoseconds(lhs.nanosecondsSinceEpoch &- rhs.nanosecondsSinceEpoch)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating far beyond any configured value.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min / 2 : Int64.max / 2 }
        return scaled + attoseconds / 1_000_000_000
    }
}
