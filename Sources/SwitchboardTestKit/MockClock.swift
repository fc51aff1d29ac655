import NIOConcurrencyHelpers

/// A clock that moves only when a test says so. Its instants are continuous-clock instants anchored
/// at creation, so the code under test needs no second time type; only offsets from `start` matter.
/// Every sleep that has to wait is announced on `sleeps`, so a test can wait for the code under test
/// to park before moving time.
public final class MockClock: Clock {
    /// Continuous-clock instants, anchored at the clock's creation.
    public typealias Instant = ContinuousClock.Instant
    /// Swift durations.
    public typealias Duration = Swift.Duration

    private struct Sleeper {
        var id: Int
        var deadline: Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Instant
        var sleepers: [Sleeper] = []
        var nextID = 0
    }

    private enum Parking {
        case parked
        case due
        case cancelled
    }

    /// The moment the clock was created.
    public let start: Instant
    /// Deadlines of sleeps that had to wait, in the order they began.
    public let sleeps: AsyncStream<Instant>
    private let sleepsContinuation: AsyncStream<Instant>.Continuation
    private let state: NIOLockedValueBox<State>
    /// No resolution limit: sleeps end exactly at their deadline.
    public let minimumResolution: Duration = .zero

    /// A clock standing at the current continuous-clock instant.
    public init() {
        let start = ContinuousClock.now
        self.start = start
        self.state = NIOLockedValueBox(State(now: start))
        (sleeps, sleepsContinuation) = AsyncStream.makeStream()
    }

    /// The clock's current instant; moves only through `advance`.
    public var now: Instant { state.withLockedValue { $0.now } }

    /// Suspends until the clock reaches `deadline` (at once if it has), or throws when cancelled.
    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = state.withLockedValue { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let parking = state.withLockedValue { state -> Parking in
                    if Task.isCancelled { return .cancelled }
                    if deadline <= state.now { return .due }
                    state.sleepers.append(Sleeper(id: id, deadline: deadline, continuation: continuation))
                    return .parked
                }
                switch parking {
                case .parked: sleepsContinuation.yield(deadline)
                case .due: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper = state.withLockedValue { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to `instant` and wakes every sleeper whose deadline has come.
    public func advance(to instant: Instant) {
        let due = state.withLockedValue { state -> [Sleeper] in
            state.now = max(state.now, instant)
            let due = state.sleepers.filter { $0.deadline <= state.now }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time forward by `duration`.
    public func advance(by duration: Duration) {
        advance(to: now + duration)
    }
}
