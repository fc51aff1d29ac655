import NIOCore
import SIPTransaction

/// The event loop's clock and timer service, for SIP transaction, call and queue-engine timers alike:
/// a `TimerWheelState` driven by one repeated NIO task. Starting is O(1) and cancelling searches one
/// slot; timers fire within one resolution step (10 ms by default) after they are due. Time is the
/// loop's own (`EventLoop.now`), so an `EmbeddedEventLoop` drives it virtually in tests. Confined to
/// `eventLoop`.
public final class TimerWheel: @unchecked Sendable {
    /// A started timer; cancel it through the wheel.
    public struct Handle: Hashable, Sendable {
        fileprivate let id: UInt64

        /// A handle no timer ever has (ids start above zero), for a place that holds none.
        static let none = Handle(id: 0)
    }

    /// The loop the wheel runs on.
    public let eventLoop: any EventLoop
    private let resolution: Int64
    private let origin: NIODeadline
    private var state: TimerWheelState<Expiry>
    private var ticker: RepeatedTask?

    /// Creates a wheel ticking every `resolution` on `eventLoop`.
    public init(eventLoop: any EventLoop, resolution: TimeAmount = .milliseconds(10)) {
        self.eventLoop = eventLoop
        self.resolution = max(1, resolution.nanoseconds)
        origin = eventLoop.now
        state = TimerWheelState(slotCount: 8192)
        ticker = eventLoop.scheduleRepeatedTask(initialDelay: resolution, delay: resolution) { [weak self] _ in
            self?.tick()
        }
    }

    /// The loop's clock: time since the wheel started. Every layer on the loop reads time here.
    public var now: Duration { .nanoseconds(elapsedNanoseconds) }

    /// Timers pending.
    public var pendingCount: Int { state.pendingCount }

    /// Runs `body` on the loop after `delay` (rounded up to the resolution).
    @discardableResult
    public func schedule(after delay: Duration, _ body: @escaping () -> Void) -> Handle {
        schedule(after: delay, .closure(body))
    }

    /// Tells `target` that `timer` fired, on the loop after `delay`: no closure to allocate, and the
    /// wheel holds the target until the timer fires or is cancelled, as a transaction's timers need.
    func schedule(after delay: Duration, target: any TransactionTimerTarget, timer: TransactionTimer) -> Handle {
        schedule(after: delay, .transaction(target, timer))
    }

    private func schedule(after delay: Duration, _ expiry: Expiry) -> Handle {
        eventLoop.preconditionInEventLoop()
        let nanoseconds = Int64(delay.components.seconds) * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let dueTick = (elapsedNanoseconds + nanoseconds + resolution - 1) / resolution
        return Handle(id: state.schedule(after: dueTick - state.tick, expiry))
    }

    /// Cancels a timer that has not fired.
    public func cancel(_ handle: Handle) {
        eventLoop.preconditionInEventLoop()
        state.cancel(handle.id)
    }

    /// Stops ticking; pending timers never fire.
    public func stop() {
        ticker?.cancel()
        ticker = nil
    }

    private var elapsedNanoseconds: Int64 { (eventLoop.now - origin).nanoseconds }

    private func tick() {
        for expiry in state.advance(to: elapsedNanoseconds / resolution) {
            switch expiry {
            case .closure(let body): body()
            case .transaction(let target, let timer): target.timerFired(timer)
            }
        }
    }
}

/// What a timer does when it fires: run a closure, or tell a transaction which of its timers fired.
private enum Expiry {
    case closure(() -> Void)
    case transaction(any TransactionTimerTarget, TransactionTimer)
}
