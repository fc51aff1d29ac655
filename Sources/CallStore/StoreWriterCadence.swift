import Foundation

/// When the store writer's thread commits, and which appends wake it. Pure: the writer keeps it under
/// its lock and passes the time in.
///
/// Busy (the thread committed at its last wake-up): the next batch is due `interval` after that
/// commit, and no append wakes the thread, which sleeps until then: one wake-up per batch under a
/// steady flow of changes. Idle (its last wake-up found nothing to write): the thread sleeps without a
/// deadline, and the first change wakes it and is committed at once, since the interval since the
/// last commit has passed. A full batch (`batchLimit` changes waiting) wakes it either way.
struct StoreWriterCadence: Equatable {
    /// The least time between two commits.
    let interval: TimeInterval
    /// How many waiting changes make a batch due at once.
    let batchLimit: Int
    /// When the next batch is due; nil while idle.
    private(set) var due: Date?

    init(interval: TimeInterval, batchLimit: Int) {
        self.interval = interval
        self.batchLimit = batchLimit
    }

    /// Whether an append that leaves `count` changes waiting must wake the thread.
    func wakes(waiting count: Int) -> Bool {
        (due == nil && count == 1) || count >= batchLimit
    }

    /// The thread committed a batch at `now`: the next one is due an interval later.
    mutating func committed(at now: Date) {
        due = now.addingTimeInterval(interval)
    }

    /// The thread woke and found nothing to write: it sleeps until a change comes.
    mutating func foundNothing() {
        due = nil
    }
}
