import TeamsPresence
import ACD
import B2BUA
import Foundation
import Logging
import SIPStack

/// The coordinator's answer to the B2BUA's "who gets this call": the ACD engine behind the
/// `CallDistributor` protocol, on the call router's loop. Translates call-flow events into engine
/// events and engine decisions into offers, cancellations and releases; runs the engine's timers on
/// the loop's timer wheel (one pending wheel timer at the engine's next deadline) and hands the
/// decisions they cause to the router's mailbox.
public final class ACDCallDistributor: CallDistributor, @unchecked Sendable {
    var engine: ACDEngine
    let wheel: TimerWheel
    private let logger: Logger
    /// The wall-clock instant the router's clock (time since the wheel started) counts from.
    let epoch: ACDInstant
    /// The queues and agents the engine was built from (or last reloaded with).
    var configuration: ACDConfiguration
    /// Calls each agent answered today (the daemon's local day).
    private(set) var answeredToday = DailyCounter(timeZone: .current)
    private var armed: (deadline: ACDInstant, handle: TimerWheel.Handle)?
    /// Where decisions the engine reaches on its own go (the call router).
    public weak var sink: (any DistributionDecisionSink)?
    /// Hears every call-flow event before the engine and every decision after it, for the store.
    var recorder: CallRecorder?
    /// Hears the same, for the call and queue series.
    var metrics: CallMetrics?
    /// Hears each caller the engine moves to another queue (an overflow to a queue): call id, queue.
    var onMove: ((String, String) -> Void)?

    /// Creates the engine with every configured agent Available (presence then decides).
    public init(configuration: ACDConfiguration, wheel: TimerWheel, epoch: ACDInstant, logger: Logger) throws {
        self.wheel = wheel
        self.epoch = epoch
        self.logger = logger
        self.configuration = configuration
        let now = epoch + wheel.now
        engine = try ACDEngine(configuration: configuration, randomNumberGenerator: SystemRandomNumberGenerator(), now: now)
        for agent in configuration.agents {
            _ = engine.handle(.agentStatusChanged(agent.id, .available), now: now)
        }
    }

    /// Feeds a call-flow event and returns the engine's decisions. A key the caller pressed reaches
    /// the engine only when it is the callback key or the exit key of the queue the caller waits in.
    public func handle(_ event: DistributionEvent, now: Duration) -> [DistributionDecision] {
        if case .callbackDialing(let callID, let dialedNumber, let trunk) = event {
            keepCallback(callID, dialedNumber: dialedNumber, trunk: trunk)
            return []
        }
        guard var engineEvent = Self.engineEvent(for: event) else { return [] }
        if case .callerPressedKey(let callID, let key) = event {
            let id = ACD.CallID(callID)
            if engine.callbackKey(of: id) == key {
                engineEvent = .callbackRequested(id)
            } else if engine.exitKey(of: id) != key {
                return []
            }
        }
        if case .offerAnswered(_, let agentID) = event { answeredToday.record(agentID, at: (epoch + now).date) }
        recorder?.observe(event, at: Self.date(epoch + now))
        metrics?.observe(event)
        let decisions = engine.handle(engineEvent, now: epoch + now)
        observe(decisions, at: epoch + now)
        rearm()
        return translate(decisions)
    }

    /// Restores an agent's status kept across a restart (a RONA break still ends at `breakUntil`).
    public func restore(agentID: String, status: AgentStatus, breakUntil: ACDInstant?) {
        let decisions = engine.handle(.agentStatusRestored(AgentID(agentID), status, breakUntil: breakUntil), now: epoch + wheel.now)
        rearm()
        sink?.deliver(translate(decisions))
    }

    /// The wall-clock instant of an engine instant.
    static func date(_ instant: ACDInstant) -> Date {
        Date(timeIntervalSince1970: TimeInterval(instant.nanosecondsSinceEpoch) / 1e9)
    }

    /// Feeds an agent's Teams presence, observed at `observedAt` on the router's clock.
    public func presenceChanged(agentID: String, presence: TeamsPresence, observedAt: Duration) {
        let now = epoch + wheel.now
        deliver(engine.handle(.presenceChanged(AgentID(agentID), presence, observedAt: epoch + observedAt), now: now), at: now)
    }

    /// Decisions the engine reached outside `handle`: recorded (store, metrics), the wheel timer kept
    /// at the engine's next deadline, and handed to the router's mailbox.
    func deliver(_ decisions: [ACDDecision], at now: ACDInstant) {
        observe(decisions, at: now)
        rearm()
        sink?.deliver(translate(decisions))
    }

    /// Hands the engine's decisions at `now` to the call store (with the stored callback entries they change) and the metrics.
    func observe(_ decisions: [ACDDecision], at now: ACDInstant) {
        recorder?.observe(decisions, at: Self.date(now))
        keepCallbacks(changedBy: decisions)
        metrics?.observe(decisions)
    }

    /// The engine's view of one agent.
    public func agent(_ id: String) -> AgentSnapshot? { engine.agent(AgentID(id)) }

    private static func engineEvent(for event: DistributionEvent) -> ACDEvent? {
        switch event {
        case .callbackDialing:
            nil
        case .callerArrived(let callID, let queue, let callerNumber):
            .callerArrived(CallerArrival(callID: ACD.CallID(callID), queue: .id(QueueID(queue)), callerNumber: callerNumber))
        case .callerAbandoned(let callID):
            .callerAbandoned(ACD.CallID(callID))
        case .callerPressedKey(let callID, _):
            .callerPressedExitKey(ACD.CallID(callID))
        case .callbackConnected(let callID, _):
            .callbackConnected(ACD.CallID(callID))
        case .callbackUnanswered(let callID, _, _):
            .callbackUnanswered(ACD.CallID(callID))
        case .offerRinging(let callID, let agentID):
            .offerRinging(ACD.CallID(callID), agent: AgentID(agentID))
        case .offerAnswered(let callID, let agentID):
            .offerAnswered(ACD.CallID(callID), agent: AgentID(agentID))
        case .offerFailed(let callID, let agentID, let failure):
            .offerFailed(ACD.CallID(callID), agent: AgentID(agentID), reason: OfferFailureReason(failure))
        case .callEnded(let callID, _):
            .callEnded(ACD.CallID(callID))
        case .reconcile(let liveCalls):
            .reconcile(liveCalls: Set(liveCalls.map { ACD.CallID($0) }))
        case .offersSuspended(let suspended):
            .offersSuspended(suspended)
        }
    }

    /// Keeps one wheel timer pending at the engine's next deadline.
    func rearm() {
        let next = engine.nextDeadline
        if let armed, armed.deadline == next { return }
        if let armed { wheel.cancel(armed.handle) }
        armed = nil
        guard let next else { return }
        let handle = wheel.schedule(after: max(.zero, next - (epoch + wheel.now))) { [weak self] in
            guard let self else { return }
            self.armed = nil
            let now = self.epoch + self.wheel.now
            self.deliver(self.engine.tick(now: now), at: now)
        }
        armed = (next, handle)
    }

    func translate(_ decisions: [ACDDecision]) -> [DistributionDecision] {
        decisions.flatMap { decision -> [DistributionDecision] in
            switch decision {
            case .offer(let offer):
                let prefix = configuration.queues.first { $0.id == offer.queue }?.announcements.callerNamePrefix
                return offer.agents.map {
                    .offer(offer.callID.rawValue, AgentOffer(agentID: $0.id.rawValue, number: $0.number, callerNamePrefix: prefix),
                           ringTimeout: offer.ringTimeout)
                }
            case .cancelOffer(let callID, let agents, _):
                return agents.map { .cancelOffer(callID.rawValue, agentID: $0.rawValue) }
            case .overflow(let callID, let queue, let reason, let target):
                logger.info("overflow", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.reason": "\(reason)", "acd.target": "\(target)"])
                switch target {
                case .queue(let next, _):
                    onMove?(callID.rawValue, next.rawValue)
                    return []
                case .number(let number): return [.redirect(callID.rawValue, number: number)]
                case .hangUp: return [.release(callID.rawValue, statusCode: 480, reason: "Queue \(reason)")]
                }
            case .queued(let callID, let queue, let position, let ewt):
                logger.debug("queued", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.position": "\(position)",
                                                  "acd.ewt": "\(ewt.map { "\($0)" } ?? "-")"])
                return []
            case .agentStatusChanged(let agent, let status):
                logger.notice("agent status changed by the queue engine", metadata: ["acd.agent": "\(agent)", "acd.status": "\(status)"])
                return []
            case .callerFinished(let callID, let outcome):
                logger.debug("caller finished", metadata: ["sip.call_id": "\(callID)", "acd.outcome": "\(outcome)"])
                guard case .callbackFailed(_, let attempts) = outcome else { return [] }
                return [.callbackFailed(callID.rawValue, attempts: attempts)]
            case .callbackAccepted(let callID, _, _, let callback):
                return [.callBack(callID.rawValue, ringTimeout: callback.ringTimeout)]
            case .callbackRetry(let callID, let queue, let attempt, _):
                logger.info("callback retry", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.attempt": "\(attempt)"])
                return []
            case .ignored(let ignored):
                logger.debug("queue engine ignored an event", metadata: ["acd.ignored": "\(ignored)"])
                return []
            }
        }
    }
}

extension OfferFailureReason {
    /// The engine's back-off class of a B-leg failure.
    init(_ failure: OfferFailure) {
        switch failure {
        case .noAnswer: self = .noAnswer
        case .busy: self = .busy
        case .declined: self = .declined
        case .unreachable: self = .unreachable
        case .trunkFailure: self = .trunkFailure
        }
    }
}
