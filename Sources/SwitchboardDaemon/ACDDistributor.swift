import ACD
import B2BUA
import Logging

/// The daemon's answer to the B2BUA's "who gets this call": the ACD engine behind the
/// `CallDistributor` protocol. Translates call-flow events into engine events and engine decisions
/// into offers, cancellations and releases; records the rest in the log.
final class ACDDistributor: CallDistributor {
    private var engine: ACDEngine
    private let logger: Logger
    /// The wall-clock instant that `now` (monotonic, since daemon start) counts from.
    private let epoch: ACDInstant

    init(configuration: ACDConfiguration, epoch: ACDInstant, logger: Logger) throws {
        self.epoch = epoch
        self.logger = logger
        engine = try ACDEngine(configuration: configuration, randomNumberGenerator: SystemRandomNumberGenerator(), now: epoch)
        for agent in configuration.agents {
            _ = engine.handle(.agentStatusChanged(agent.id, .available), now: epoch)
        }
    }

    func instant(_ now: Duration) -> ACDInstant { epoch + now }

    func handle(_ event: DistributionEvent, now: Duration) -> [DistributionDecision] {
        let at = instant(now)
        switch event {
        case .callerArrived(let callID, let queue, let callerNumber):
            let arrival = CallerArrival(callID: ACD.CallID(callID), queue: .id(QueueID(queue)), callerNumber: callerNumber)
            return translate(engine.handle(.callerArrived(arrival), now: at))
        case .callerAbandoned(let callID):
            return translate(engine.handle(.callerAbandoned(ACD.CallID(callID)), now: at))
        case .offerAnswered(let callID, let agentID):
            return translate(engine.handle(.offerAnswered(ACD.CallID(callID), agent: AgentID(agentID)), now: at))
        case .offerFailed(let callID, let agentID, let failure):
            return translate(engine.handle(.offerFailed(ACD.CallID(callID), agent: AgentID(agentID), reason: OfferFailureReason(failure)), now: at))
        case .callEnded(let callID, _):
            return translate(engine.handle(.callEnded(ACD.CallID(callID)), now: at))
        }
    }

    func tick(now: Duration) -> [DistributionDecision] {
        translate(engine.tick(now: instant(now)))
    }

    /// Feeds an agent's Teams presence as the fusion resolved it.
    func presenceChanged(agentID: String, presence: TeamsPresence, observedAt: Duration, now: Duration) -> [DistributionDecision] {
        translate(engine.handle(.presenceChanged(AgentID(agentID), presence, observedAt: instant(observedAt)), now: instant(now)))
    }

    /// The periodic reconciliation with the calls the B2BUA really holds.
    func reconcile(liveCalls: Set<String>, now: Duration) -> [DistributionDecision] {
        translate(engine.handle(.reconcile(liveCalls: Set(liveCalls.map { ACD.CallID($0) })), now: instant(now)))
    }

    /// The engine's view of one agent (for presence fusion and status).
    func agent(_ id: String) -> AgentSnapshot? { engine.agent(AgentID(id)) }

    private func translate(_ decisions: [ACDDecision]) -> [DistributionDecision] {
        decisions.flatMap { decision -> [DistributionDecision] in
            switch decision {
            case .offer(let offer):
                return offer.agents.map {
                    .offer(offer.callID.rawValue, AgentOffer(agentID: $0.id.rawValue, number: $0.number), ringTimeout: offer.ringTimeout)
                }
            case .cancelOffer(let callID, let agents, _):
                return agents.map { .cancelOffer(callID.rawValue, agentID: $0.rawValue) }
            case .overflow(let callID, let queue, let reason, let target):
                logger.info("overflow", metadata: ["sip.call_id": "\(callID)", "acd.queue": "\(queue)", "acd.reason": "\(reason)", "acd.target": "\(target)"])
                switch target {
                case .queue: return []
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
