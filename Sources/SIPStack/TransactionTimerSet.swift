import NIOCore
import SIPTransaction

/// The pending timers of one transaction, scheduled on its event loop; starting a timer replaces a
/// pending one of the same name, and `cancelAll` runs when the transaction terminates.
struct TransactionTimerSet {
    private var scheduled: [TransactionTimer: Scheduled<Void>] = [:]

    mutating func start(_ timer: TransactionTimer, after delay: Duration, on eventLoop: any EventLoop,
                        fire: @escaping @Sendable () -> Void) {
        scheduled[timer]?.cancel()
        scheduled[timer] = eventLoop.scheduleTask(in: TimeAmount(delay), fire)
    }

    mutating func cancel(_ timer: TransactionTimer) {
        scheduled.removeValue(forKey: timer)?.cancel()
    }

    mutating func cancelAll() {
        for task in scheduled.values { task.cancel() }
        scheduled.removeAll()
    }
}
