import NIOConcurrencyHelpers

/// A clock that moves only when a test says so. Its instants are continuous-clock instants anchored
/// at creation, so the code under test needs no second time type; only offsets from `start` matter.
/// Every sleep that has to wait is announced on `sleeps`, so a test can wait for the code under test
/// to park before moving time.
final class MockClock: Clock {
    typealias Instant = ContinuousClock.Instant
    typealias Duration = Swift.Duration

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
    let start: Instant
    /// Deadlines of sleeps that had to wait, in the order they began.
    let sleeps: AsyncStream<Instant>
    private let sleepsContinuation: AsyncStream<Instant>.Continuation
    private let state: NIOLockedValueBox<State>
    let minimumResolution: Duration = .zero

    init() {
        let start = ContinuousClock.now
        self.start = start
        self.state = NIOLockedValueBox(State(now: start))
        (sleeps, sleepsContinuation) = AsyncStream.makeStream()
    }

    var now: Instant { state.withLockedValue { $0.now } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
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
    func advance(to instant: Instant) {
        let due = state.withLockedValue { state -> [Sleeper] in
            state.now = max(state.now, instant)
            let due = state.sleepers.filter { $0.deadline <= state.now }
            state.sleepers.removeAll { $0.deadline <= state.now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time forward by `duration`.
    func advance(by duration: Duration) {
        advance(to: now + duration)
    }
}
