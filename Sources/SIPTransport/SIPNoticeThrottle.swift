import NIOCore

/// At most one log line per key and interval, each telling how many events it stands for: the first
/// event of a quiet key is logged at once; later ones inside the interval are counted and logged
/// together when it ends (the caller schedules that flush when told to).
struct SIPNoticeThrottle<Key: Hashable> {
    /// What to do with one event.
    enum Outcome: Hashable {
        /// Log now, for this many events (this one and any counted before it).
        case log(count: Int)
        /// Counted; call `flush` at this deadline (told once per interval).
        case flush(at: NIODeadline)
        /// Counted; a flush is already due.
        case counted
    }

    private struct Window {
        var end: NIODeadline
        var pending: Int
    }

    /// The shortest time between two lines for one key.
    let interval: TimeAmount
    private var windows: [Key: Window] = [:]

    /// Creates a throttle with `interval` between lines of one key.
    init(interval: TimeAmount) {
        self.interval = interval
    }

    /// Records one event of `key` at `now`.
    mutating func record(_ key: Key, now: NIODeadline) -> Outcome {
        if var window = windows[key], now < window.end {
            window.pending += 1
            windows[key] = window
            return window.pending == 1 ? .flush(at: window.end) : .counted
        }
        let count = (windows[key]?.pending ?? 0) + 1
        windows[key] = Window(end: now + interval, pending: 0)
        return .log(count: count)
    }

    /// At the end of an interval: the events of `key` counted and not yet logged (0 for none, then
    /// nothing is to be logged); when there were some, the next interval starts at `now`.
    mutating func flush(_ key: Key, now: NIODeadline) -> Int {
        guard let window = windows[key], window.pending > 0 else { return 0 }
        windows[key] = Window(end: now + interval, pending: 0)
        return window.pending
    }
}
