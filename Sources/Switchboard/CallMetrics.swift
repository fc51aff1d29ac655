import ACD
import B2BUA
import Metrics

/// The call and queue series recorded as things happen, on the router's loop: calls started, and per
/// queue the engine's final outcomes (answered, abandoned, overflowed, callback failed), callbacks
/// requested, waits and talk times.
final class CallMetrics {
    /// One queue's event-driven series.
    struct QueueSeries {
        let answered: Counter
        let abandoned: Counter
        let overflowed: Counter
        let callbacksRequested: Counter
        let callbacksFailed: Counter
        let wait: Metrics.Timer
        let talk: Metrics.Timer
    }

    private let factory: any MetricsFactory
    private let callsStarted: Counter
    private var queues: [String: QueueSeries] = [:]

    /// Series for every configured queue, at zero.
    init(factory: any MetricsFactory, queues: [QueueID]) {
        self.factory = factory
        callsStarted = Counter(label: "switchboard_calls_started_total", factory: factory)
        track(queues)
    }

    /// Series at zero for each queue that has none yet (at start-up, and for queues a reload adds).
    func track(_ queues: [QueueID]) {
        for queue in queues { _ = series(queue.rawValue) }
    }

    /// A call-flow event, before the engine sees it.
    func observe(_ event: DistributionEvent) {
        if case .callerArrived = event { callsStarted.increment() }
    }

    /// The engine's decisions: callbacks accepted, and each caller's single final outcome.
    func observe(_ decisions: [ACDDecision]) {
        for decision in decisions {
            switch decision {
            case .callbackAccepted(_, let queue, _, _):
                series(queue.rawValue).callbacksRequested.increment()
            case .callerFinished(_, let outcome):
                observe(outcome)
            default:
                continue
            }
        }
    }

    private func observe(_ outcome: CallerOutcome) {
        switch outcome {
        case .answered(_, let queue, let wait):
            let queue = series(queue.rawValue)
            queue.answered.increment()
            queue.wait.recordNanoseconds(wait.inNanoseconds)
        case .abandoned(let queue, let wait):
            let queue = series(queue.rawValue)
            queue.abandoned.increment()
            queue.wait.recordNanoseconds(wait.inNanoseconds)
        case .overflowed(let queue, _, _):
            series(queue.rawValue).overflowed.increment()
        case .callbackFailed(let queue, _):
            series(queue.rawValue).callbacksFailed.increment()
        }
    }

    /// A call ended: the talk time of an answered one.
    func finished(_ record: B2BUA.CallRecord) {
        guard record.answeredAt != nil, !record.queue.isEmpty else { return }
        series(record.queue).talk.recordNanoseconds(record.talkTime.inNanoseconds)
    }

    private func series(_ queue: String) -> QueueSeries {
        if let series = queues[queue] { return series }
        let dimensions = [("queue", queue)]
        let series = QueueSeries(
            answered: Counter(label: "switchboard_queue_answered_total", dimensions: dimensions, factory: factory),
            abandoned: Counter(label: "switchboard_queue_abandoned_total", dimensions: dimensions, factory: factory),
            overflowed: Counter(label: "switchboard_queue_overflowed_total", dimensions: dimensions, factory: factory),
            callbacksRequested: Counter(label: "switchboard_queue_callbacks_requested_total", dimensions: dimensions, factory: factory),
            callbacksFailed: Counter(label: "switchboard_queue_callbacks_failed_total", dimensions: dimensions, factory: factory),
            wait: Metrics.Timer(label: "switchboard_queue_wait_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory),
            talk: Metrics.Timer(label: "switchboard_queue_talk_seconds", dimensions: dimensions, preferredDisplayUnit: .seconds, factory: factory))
        queues[queue] = series
        return series
    }
}
