import Foundation
import Logging

/// Hands changes from the SIP event loop to the store without ever blocking the loop: `append` takes
/// a short lock and returns; a dedicated thread writes what has accumulated in one transaction at
/// most every `flushInterval` (at once when `batchLimit` changes are waiting), waking once per batch
/// under a steady flow of changes (``StoreWriterCadence``).
///
/// Bounded: at most `capacity` changes wait. Past that an append is dropped, counted in
/// ``droppedChanges`` and logged (one warning per batch that saw drops, with the total), never
/// silently. A batch the store refuses (disk full, I/O error) is logged and counted the same way.
public final class StoreWriter: @unchecked Sendable {
    /// The writer thread's name, as `top -H` and /proc show it.
    public static let threadName = "store-writer"
    private let store: any ContactCenterStore
    private let capacity: Int
    private var cadence: StoreWriterCadence
    private let logger: Logger
    private let condition = NSCondition()
    private var pending: [StoreChange] = []
    private var appended = 0
    private var written = 0
    private var dropped = 0
    private var reportedDrops = 0
    private var stopping = false
    private var flushRequested = false
    private var thread: Thread?

    /// Creates the writer and starts its thread, which runs until ``close()``.
    public init(store: any ContactCenterStore, flushInterval: Duration, capacity: Int = 100_000, batchLimit: Int = 5_000,
                logger: Logger) {
        self.store = store
        cadence = StoreWriterCadence(interval: TimeInterval(flushInterval.components.seconds) + TimeInterval(flushInterval.components.attoseconds) / 1e18,
                                     batchLimit: batchLimit)
        self.capacity = capacity
        self.logger = logger
        pending.reserveCapacity(min(capacity, batchLimit))
        let thread = Thread {
            Self.yieldToEventLoops()
            // Foundation keeps a thread's name to itself on Linux; the kernel's (what `top -H` and
            // /proc/<pid>/task/<tid>/comm show, at most 15 bytes) is the thread's own /proc/thread-self/comm.
            try? Data(Self.threadName.utf8).write(to: URL(fileURLWithPath: "/proc/thread-self/comm"))
            self.run()
        }
        thread.name = Self.threadName
        self.thread = thread
        thread.start()
    }

    /// The writer thread's nice value: below the event loops (nice 0), so that when the cores are
    /// contended the calls' messages go first and the writer takes the time left over. It needs
    /// little (about 5 % of a core at 2,000 calls/s) and its batches wait without harm; at nice
    /// 5 it still gets about a quarter of a contended core's time against one loop.
    public static let niceness: Int32 = 5

    /// Lowers the calling thread's priority to ``niceness``: on Linux a nice value belongs to a
    /// thread, and `setpriority(PRIO_PROCESS, 0, …)` sets the caller's own (setpriority(2)). Failing
    /// changes nothing but the order in which the threads run.
    private static func yieldToEventLoops() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }

    /// Queues a change for the next batch; drops (and counts) it when `capacity` changes already wait
    /// or the writer is closed.
    public func append(_ change: StoreChange) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, pending.count < capacity else {
            dropped += 1
            return
        }
        pending.append(change)
        appended += 1
        if cadence.wakes(waiting: pending.count) { condition.broadcast() }
    }

    /// Changes dropped so far because the writer was full or closed, or because the store refused their batch.
    public var droppedChanges: Int {
        condition.lock()
        defer { condition.unlock() }
        return dropped
    }

    /// Waits until every change appended before this call is written (or dropped).
    public func flush() {
        condition.lock()
        let target = appended
        flushRequested = true
        condition.broadcast()
        while written < target { condition.wait() }
        condition.unlock()
    }

    /// Writes what is pending, then stops the thread; later appends are dropped and counted.
    public func close() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while thread != nil { condition.wait() }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while true {
            waitForBatch()
            flushRequested = false
            if pending.isEmpty {
                if stopping { break }
                cadence.foundNothing()
                continue
            }
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            condition.unlock()
            let failed = write(batch)
            condition.lock()
            cadence.committed(at: Date())
            written += batch.count
            dropped += failed
            reportDrops()
            condition.broadcast()
        }
        thread = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Sleeps (with the lock held, released while asleep) until the next batch is due by the cadence,
    /// a full batch waits, a flush is asked for or the writer closes.
    private func waitForBatch() {
        while !stopping, !flushRequested, pending.count < cadence.batchLimit {
            if let due = cadence.due {
                guard Date() < due else { return }
                _ = condition.wait(until: due)
            } else {
                guard pending.isEmpty else { return }
                condition.wait()
            }
        }
    }

    /// Writes one batch; returns how many changes were lost (all of them when the store refused it).
    private func write(_ batch: [StoreChange]) -> Int {
        do {
            try store.apply(StoreChange.coalescing(batch))
            return 0
        } catch {
            logger.error("call store write failed: changes lost", metadata: ["store.changes": "\(batch.count)", "store.error": "\(error)"])
            return batch.count
        }
    }

    /// Logs the drops since the last report (called with the lock held).
    private func reportDrops() {
        guard dropped > reportedDrops else { return }
        logger.warning("call store behind: changes dropped", metadata: ["store.dropped_since_last": "\(dropped - reportedDrops)",
                                                                         "store.dropped_total": "\(dropped)",
                                                                         "store.capacity": "\(capacity)"])
        reportedDrops = dropped
    }
}
