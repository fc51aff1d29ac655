import SIPTransaction

/// What the scheduler needs to know about an action: which timer it starts or cancels, or that it ends all.
protocol TimerControlling: Hashable {
    /// The timer command this action carries, if any.
    var timerCommand: TimerCommand? { get }
}

/// A timer command extracted from a client or server action.
enum TimerCommand {
    case start(TransactionTimer, Duration)
    case cancel(TransactionTimer)
    case cancelAll
}

extension ClientTransactionAction: TimerControlling {
    var timerCommand: TimerCommand? {
        switch self {
        case .startTimer(let timer, let duration): .start(timer, duration)
        case .cancelTimer(let timer): .cancel(timer)
        case .terminated: .cancelAll
        case .sendRequest, .sendACK, .deliverResponse, .timeout, .transportError: nil
        }
    }
}

extension ServerTransactionAction: TimerControlling {
    var timerCommand: TimerCommand? {
        switch self {
        case .startTimer(let timer, let duration): .start(timer, duration)
        case .cancelTimer(let timer): .cancel(timer)
        case .terminated: .cancelAll
        case .sendResponse, .retransmitResponse, .deliverACK, .timeout, .transportError: nil
        }
    }
}

/// Virtual time for the pure machines: keeps the pending timers with their due times, fires the earliest
/// first and logs every action with the virtual time it was asked for. Nothing here sleeps.
struct VirtualScheduler<Action: TimerControlling> {
    /// One logged action and the virtual time it was returned at.
    struct Entry: Hashable, CustomStringConvertible {
        var at: Duration
        var action: Action
        var description: String { "\(at): \(action)" }

        /// An entry at a virtual time given in milliseconds.
        init(_ milliseconds: Int, _ action: Action) {
            self.init(at: .milliseconds(milliseconds), action: action)
        }

        init(at: Duration, action: Action) {
            self.at = at
            self.action = action
        }
    }

    private(set) var now: Duration = .zero
    private(set) var log: [Entry] = []
    private var pending: [TransactionTimer: (due: Duration, order: Int)] = [:]
    private var started = 0

    /// The pending timers and their due times.
    var pendingTimers: [TransactionTimer: Duration] { pending.mapValues(\.due) }

    /// Logs the actions at the current time, applies their timer commands and returns them.
    @discardableResult
    mutating func perform(_ actions: [Action]) -> [Action] {
        for action in actions {
            log.append(Entry(at: now, action: action))
            switch action.timerCommand {
            case .start(let timer, let duration):
                started += 1
                pending[timer] = (now + duration, started)
            case .cancel(let timer):
                pending[timer] = nil
            case .cancelAll:
                pending.removeAll()
            case nil:
                break
            }
        }
        return actions
    }

    /// Fires every timer due up to `time`, earliest first (ties in start order), then moves the clock to `time`.
    mutating func advance(to time: Duration, _ fire: (TransactionTimer) -> [Action]) {
        fireTimers(dueBy: time, fire)
        now = time
    }

    /// Fires pending timers for up to an hour of virtual time, leaving the clock at the last firing;
    /// a test then checks that nothing is left pending.
    mutating func runTimers(_ fire: (TransactionTimer) -> [Action]) {
        fireTimers(dueBy: now + .seconds(3600), fire)
    }

    private mutating func fireTimers(dueBy time: Duration, _ fire: (TransactionTimer) -> [Action]) {
        while let (timer, next) = pending.min(by: { ($0.value.due, $0.value.order) < ($1.value.due, $1.value.order) }),
              next.due <= time {
            pending[timer] = nil
            now = next.due
            perform(fire(timer))
        }
    }

    /// The virtual times at which `action` was asked for.
    func times(of action: Action) -> [Duration] {
        log.filter { $0.action == action }.map(\.at)
    }

    /// The entries logged at or after `time`.
    func entries(from time: Duration) -> [Entry] {
        log.filter { $0.at >= time }
    }
}

/// A virtual time written in milliseconds, to keep expected schedules short.
func ms(_ milliseconds: Int) -> Duration { .milliseconds(milliseconds) }
