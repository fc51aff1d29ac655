import NIOCore
import SIPTransaction

/// The event loop's clock and timer service, for SIP transaction, call and queue-engine timers alike:
/// a `TimerWheelState` driven by one NIO scheduled callback for the next tick at which a timer is
/// due, so an idle loop is not woken every resolution step for nothing. Starting is O(1) and
/// cancelling searches one slot; timers fire within one resolution step (10 ms by default) after
/// they are due.
/// Time is the loop's own (`EventLoop.now`), so an `EmbeddedEventLoop` drives it virtually in tests.
/// Confined to `eventLoop`.
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
    /// The loop's callback that runs the wheel at `wakeTick`, when a timer is pending: a scheduled
    /// callback rather than a scheduled task, so setting it allocates no closure, promise or future.
    private var wakeCallback: NIOScheduledCallback?
    /// What the loop calls back; it holds the wheel weakly, as the loop holds it until it fires.
    private let waker = Waker()
    /// The tick `wakeCallback` is set for; `Int64.max` when none is.
    private var wakeTick = Int64.max
    private var stopped = false

    /// Creates a wheel with a resolution of `resolution` on `eventLoop`.
    public init(eventLoop: any EventLoop, resolution: TimeAmount = .milliseconds(10)) {
        self.eventLoop = eventLoop
        self.resolution = max(1, resolution.nanoseconds)
        origin = eventLoop.now
        state = TimerWheelState(slotCount: 8192)
        waker.wheel = self
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
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let dueTick = max(state.tick + 1, (elapsedNanoseconds + nanoseconds + resolution - 1) / resolution)
        let id = state.schedule(after: dueTick - state.tick, expiry)
        if dueTick < wakeTick { wake(at: dueTick) }
        return Handle(id: id)
    }

    /// Cancels a timer that has not fired.
    public func cancel(_ handle: Handle) {
        eventLoop.preconditionInEventLoop()
        state.cancel(handle.id)
    }

    /// Stops the wheel; pending timers never fire.
    public func stop() {
        stopped = true
        wakeCallback?.cancel()
        wakeCallback = nil
        wakeTick = .max
    }

    private var elapsedNanoseconds: Int64 { (eventLoop.now - origin).nanoseconds }

    /// Sets the loop's callback for `tick`, in place of one set for later.
    private func wake(at tick: Int64) {
        guard !stopped else { return }
        wakeCallback?.cancel()
        wakeTick = tick
        wakeCallback = try? eventLoop.scheduleCallback(at: origin + .nanoseconds(tick * resolution), handler: waker)
    }

    /// Runs the timers due by now, then sets the callback for the next one due.
    fileprivate func fire() {
        wakeCallback = nil
        wakeTick = .max
        for expiry in state.advance(to: elapsedNanoseconds / resolution) {
            switch expiry {
            case .closure(let body): body()
            case .transaction(let target, let timer): target.timerFired(timer)
            }
        }
        if let next = state.nextDueTick, next < wakeTick { wake(at: next) }
    }
}

/// What a timer does when it fires: run a closure, or tell a transaction which of its timers fired.
private enum Expiry {
    case closure(() -> Void)
    case transaction(any TransactionTimerTarget, TransactionTimer)
}

/// The loop's scheduled callback for a wheel: runs the wheel's due timers when it fires.
private final class Waker: NIOScheduledCallbackHandler, @unchecked Sendable {
    weak var wheel: TimerWheel?

    func handleScheduledCallback(eventLoop: some EventLoop) {
        wheel?.fire()
    }
}
