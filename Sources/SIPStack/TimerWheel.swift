import NIOCore

/// The event loop's timer service for SIP and call timers: a `TimerWheelState` driven by one
/// repeated NIO task. Starting and cancelling are O(1); timers fire within one resolution step
/// (10 ms by default) after they are due. Confined to `eventLoop`.
public final class TimerWheel: @unchecked Sendable {
    /// A started timer; cancel it through the wheel.
    public struct Handle: Hashable, Sendable {
        fileprivate let id: UInt64
    }

    /// The loop the wheel runs on.
    public let eventLoop: any EventLoop
    private let resolution: Int64
    private let origin = NIODeadline.now()
    private var state: TimerWheelState<() -> Void>
    private var ticker: RepeatedTask?

    /// Creates a wheel ticking every `resolution` on `eventLoop`.
    public init(eventLoop: any EventLoop, resolution: TimeAmount = .milliseconds(10)) {
        self.eventLoop = eventLoop
        self.resolution = max(1, resolution.nanoseconds)
        state = TimerWheelState(slotCount: 8192)
        ticker = eventLoop.scheduleRepeatedTask(initialDelay: resolution, delay: resolution) { [weak self] _ in
            self?.tick()
        }
    }

    /// Timers pending.
    public var pendingCount: Int { state.pendingCount }

    /// Runs `body` on the loop after `delay` (rounded up to the resolution).
    @discardableResult
    public func schedule(after delay: Duration, _ body: @escaping () -> Void) -> Handle {
        eventLoop.preconditionInEventLoop()
        let nanoseconds = Int64(delay.components.seconds) * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let dueTick = (elapsedNanoseconds + nanoseconds + resolution - 1) / resolution
        return Handle(id: state.schedule(after: dueTick - state.tick, body))
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

    private var elapsedNanoseconds: Int64 { (NIODeadline.now() - origin).nanoseconds }

    private func tick() {
        for body in state.advance(to: elapsedNanoseconds / resolution) {
            body()
        }
    }
}
