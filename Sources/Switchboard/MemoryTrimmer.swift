private import CJemalloc
import SIPStack

/// Hands freed heap memory back to the system on the loop's timer wheel, every `interval`. The
/// daemon allocates through jemalloc, which gives back the pages of freed memory gradually as it
/// goes on allocating (its decay, about 10 s); after a flood of messages or calls followed by quiet,
/// a purge of every arena makes the resident size fall at once. A purge walks only the arenas' dirty
/// pages.
final class MemoryTrimmer: @unchecked Sendable {
    /// The `mallctl` name that purges every arena (`MALLCTL_ARENAS_ALL` is 4096).
    private static let purgeAllArenas = "arena.4096.purge"

    private let wheel: TimerWheel
    private let interval: Duration

    init(wheel: TimerWheel, interval: Duration = .seconds(10)) {
        self.wheel = wheel
        self.interval = interval
    }

    /// Starts trimming; call on the wheel's loop.
    func start() {
        wheel.schedule(after: interval) { [weak self] in
            guard let self else { return }
            Self.purge()
            self.start()
        }
    }

    /// Gives every arena's unused dirty pages back to the system; returns whether jemalloc did.
    @discardableResult
    static func purge() -> Bool {
        mallctl(purgeAllArenas, nil, nil, nil, 0) == 0
    }
}
