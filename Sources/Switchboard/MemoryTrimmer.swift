import CMalloc
import SIPStack

/// Hands freed heap memory back to the system on the loop's timer wheel, every `interval`: after a
/// flood of messages or calls, glibc keeps the freed pages for reuse, and the daemon's resident size
/// would stay at its peak. `malloc_trim` costs a walk of the heap, a few milliseconds at most.
final class MemoryTrimmer: @unchecked Sendable {
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
            malloc_trim(0)
            self.start()
        }
    }
}
