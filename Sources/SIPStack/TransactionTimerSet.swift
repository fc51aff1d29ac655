import SIPTransaction

/// The pending timers of one transaction on the loop's timer wheel; starting a timer replaces a
/// pending one of the same name, and `cancelAll` runs when the transaction terminates. A transaction
/// has at most three timers at once (Timers A, B and the CANCEL deadline's kin; G and H), so they
/// are held inline in three slots: no list, no allocation.
struct TransactionTimerSet {
    private typealias Pending = (timer: TransactionTimer, handle: TimerWheel.Handle)
    private var slots: (Pending?, Pending?, Pending?) = (nil, nil, nil)

    mutating func start(_ timer: TransactionTimer, after delay: Duration, on wheel: TimerWheel, for target: any TransactionTimerTarget) {
        cancel(timer, on: wheel)
        let started = (timer, wheel.schedule(after: delay, target: target, timer: timer))
        if slots.0 == nil {
            slots.0 = started
        } else if slots.1 == nil {
            slots.1 = started
        } else {
            precondition(slots.2 == nil, "a transaction runs at most three timers at once")
            slots.2 = started
        }
    }

    mutating func cancel(_ timer: TransactionTimer, on wheel: TimerWheel) {
        if let pending = slots.0, pending.timer == timer {
            wheel.cancel(pending.handle)
            slots.0 = nil
        } else if let pending = slots.1, pending.timer == timer {
            wheel.cancel(pending.handle)
            slots.1 = nil
        } else if let pending = slots.2, pending.timer == timer {
            wheel.cancel(pending.handle)
            slots.2 = nil
        }
    }

    mutating func cancelAll(on wheel: TimerWheel) {
        if let pending = slots.0 { wheel.cancel(pending.handle) }
        if let pending = slots.1 { wheel.cancel(pending.handle) }
        if let pending = slots.2 { wheel.cancel(pending.handle) }
        slots = (nil, nil, nil)
    }
}

/// A transaction whose timers run on the wheel.
protocol TransactionTimerTarget: AnyObject {
    /// One of its timers fired.
    func timerFired(_ timer: TransactionTimer)
}
