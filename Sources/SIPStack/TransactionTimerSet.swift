import SIPTransaction

/// The pending timers of one transaction on the loop's timer wheel; starting a timer replaces a
/// pending one of the same name, and `cancelAll` runs when the transaction terminates. A transaction
/// has at most three timers at once, so a short list beats a hash table (and its allocation).
struct TransactionTimerSet {
    private var pending: [(timer: TransactionTimer, handle: TimerWheel.Handle)] = []

    mutating func start(_ timer: TransactionTimer, after delay: Duration, on wheel: TimerWheel, fire: @escaping () -> Void) {
        cancel(timer, on: wheel)
        pending.append((timer, wheel.schedule(after: delay, fire)))
    }

    mutating func cancel(_ timer: TransactionTimer, on wheel: TimerWheel) {
        guard let index = pending.firstIndex(where: { $0.timer == timer }) else { return }
        wheel.cancel(pending.remove(at: index).handle)
    }

    mutating func cancelAll(on wheel: TimerWheel) {
        for entry in pending { wheel.cancel(entry.handle) }
        pending.removeAll()
    }
}
