import SIPTransaction

/// The pending timers of one transaction on the loop's timer wheel; starting a timer replaces a
/// pending one of the same name, and `cancelAll` runs when the transaction terminates.
struct TransactionTimerSet {
    private var pending: [TransactionTimer: TimerWheel.Handle] = [:]

    mutating func start(_ timer: TransactionTimer, after delay: Duration, on wheel: TimerWheel, fire: @escaping () -> Void) {
        if let old = pending[timer] { wheel.cancel(old) }
        pending[timer] = wheel.schedule(after: delay, fire)
    }

    mutating func cancel(_ timer: TransactionTimer, on wheel: TimerWheel) {
        if let handle = pending.removeValue(forKey: timer) { wheel.cancel(handle) }
    }

    mutating func cancelAll(on wheel: TimerWheel) {
        for handle in pending.values { wheel.cancel(handle) }
        pending.removeAll()
    }
}
