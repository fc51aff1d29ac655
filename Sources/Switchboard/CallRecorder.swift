import ACD
import B2BUA
import CallStore
import Foundation

/// Turns what the call runtime and the queue engine report into store changes: a call record opened
/// when the caller arrives, rewritten when an agent answers and closed when the call ends; one offer
/// attempt per offer once it is resolved; the queue log; agent statuses. Lives on the router's loop
/// and only appends to the `StoreWriter`, which never blocks.
final class CallRecorder {
    /// A call the recorder follows until its record is closed.
    struct LiveCall {
        var record: CallDetailRecord
        /// The caller's position when it entered its current queue, and when it entered it.
        var originalPosition = 0
        var enteredQueueAt: Date
        var nextSequence = 1
        var offers: [String: PendingOffer] = [:]
        /// The exit key (or callback key) the caller pressed, for its `EXITWITHKEY` (`CALLBACKREQUESTED`) line.
        var exitKey: Character?
        /// Callback: the calls back made so far; nil when the caller asked for no callback.
        var callbackAttempts: Int?
        /// Callback: when the agent who answered was offered the call, for the `CONNECT` line once the caller answers.
        var callbackOfferedAt: Date?
        /// Callback: the entry as the store keeps it, from the caller's departure until the call back connects.
        var pendingCallback: PendingCallback?
    }

    /// An offer not yet resolved.
    struct PendingOffer {
        var sequence: Int
        var offeredAt: Date
        var ringingAt: Date?
    }

    let writer: StoreWriter
    /// The queues each agent serves, for its per-queue PAUSE/UNPAUSE lines.
    private(set) var queuesOfAgent: [String: [String]] = [:]
    /// How long a RONA break lasts, to store when it ends.
    private(set) var ronaBreak: TimeInterval = 0
    var calls: [String: LiveCall] = [:]
    /// Each agent's last status, for the transitions the queue log shows.
    var statuses: [String: AgentStatusRecord] = [:]

    init(writer: StoreWriter, configuration: ACDConfiguration, restored: [AgentStatusRecord]) {
        self.writer = writer
        statuses = Dictionary(restored.map { ($0.agent, $0) }, uniquingKeysWith: { _, last in last })
        reconfigure(configuration)
    }

    /// Takes the memberships and the RONA break length of a (reloaded) configuration.
    func reconfigure(_ configuration: ACDConfiguration) {
        var queuesOfAgent: [String: [String]] = [:]
        for queue in configuration.queues {
            for member in queue.members { queuesOfAgent[member.agent.rawValue, default: []].append(queue.id.rawValue) }
        }
        self.queuesOfAgent = queuesOfAgent
        ronaBreak = TimeInterval(configuration.rona.breakDuration.components.seconds)
    }

    /// A call-flow event, before the engine sees it (a pressed key only when it is the exit key).
    func observe(_ event: DistributionEvent, at now: Date) {
        switch event {
        case .callerArrived(let callID, let queue, let callerNumber):
            if calls[callID] == nil {
                let record = CallDetailRecord(callID: callID, callerNumber: callerNumber, queue: queue, arrivedAt: now)
                calls[callID] = LiveCall(record: record, enteredQueueAt: now)
                writer.append(.call(record))
            }
        case .offerRinging(let callID, let agentID):
            if calls[callID]?.offers[agentID]?.ringingAt == nil { calls[callID]?.offers[agentID]?.ringingAt = now }
        case .offerAnswered(let callID, let agentID) where calls[callID]?.callbackAttempts != nil:
            callbackAgentAnswered(callID, agent: agentID, at: now)
        case .callbackConnected(let callID, let agentID):
            callbackConnected(callID, agent: agentID, at: now)
        case .callbackUnanswered(let callID, let agentID, let statusCode):
            callbackUnanswered(callID, agent: agentID, statusCode: statusCode, at: now)
        case .offerAnswered(let callID, let agentID):
            update(callID) { call in
                guard let offer = call.offers[agentID] else { return }
                resolveOffer(of: &call, agent: agentID, result: .answered, at: now)
                call.record.agent = agentID
                if call.record.answeredAt == nil { call.record.answeredAt = now }
                log(.connect, call: call, agent: agentID, at: now,
                    data: [seconds(from: call.enteredQueueAt, to: now), "", seconds(from: offer.offeredAt, to: now)])
                writer.append(.call(call.record))
            }
        case .offerFailed(let callID, let agentID, let failure):
            update(callID) { call in
                guard let offer = call.offers[agentID] else { return }
                resolveOffer(of: &call, agent: agentID, result: OfferResult(failure), at: now)
                log(.ringNoAnswer, call: call, agent: agentID, at: now, data: ["\(milliseconds(from: offer.offeredAt, to: now))"])
            }
        case .callerPressedKey(let callID, let key):
            calls[callID]?.exitKey = key
        case .callerAbandoned, .callEnded, .reconcile, .offersSuspended, .callbackDialing:
            break
        }
    }

    /// The engine's decisions, in order.
    func observe(_ decisions: [ACDDecision], at now: Date) {
        for decision in decisions { observe(decision, at: now) }
    }

    private func observe(_ decision: ACDDecision, at now: Date) {
        switch decision {
        case .queued(let callID, let queue, let position, _):
            update(callID.rawValue) { call in
                call.record.queue = queue.rawValue
                call.originalPosition = position
                call.enteredQueueAt = now
                log(.enterQueue, call: call, agent: "NONE", at: now, data: ["", call.record.callerNumber, "\(position)"])
            }
        case .offer(let offer):
            update(offer.callID.rawValue) { call in
                for agent in offer.agents where call.offers[agent.id.rawValue] == nil {
                    call.offers[agent.id.rawValue] = PendingOffer(sequence: call.nextSequence, offeredAt: now)
                    call.nextSequence += 1
                    call.record.agent = agent.id.rawValue
                    if call.record.firstOfferAt == nil { call.record.firstOfferAt = now }
                }
            }
        case .cancelOffer(let callID, let agents, let reason):
            update(callID.rawValue) { call in
                for agent in agents where call.offers[agent.rawValue] != nil {
                    resolveOffer(of: &call, agent: agent.rawValue, result: OfferResult(reason), at: now)
                    if reason == .callerLeft { log(.ringCanceled, call: call, agent: agent.rawValue, at: now, data: []) }
                }
            }
        case .overflow(let callID, let queue, let reason, _):
            update(callID.rawValue) { call in
                call.record.queue = queue.rawValue
                logExit(call, reason: reason, at: now)
            }
        case .agentStatusChanged(let agent, let status):
            recordStatus(of: agent.rawValue, status, breakUntil: status == .onBreak(.rona) ? now.addingTimeInterval(ronaBreak) : nil, at: now)
        case .callbackAccepted(let callID, _, let position, _):
            callbackAccepted(callID.rawValue, position: position, at: now)
        case .callerFinished, .ignored, .callbackRetry:
            break
        }
    }

    /// Runs `body` on the call the recorder follows as `callID` where it is stored, without copying
    /// it out and back (a copy retains every string of its record); nothing when it follows no such call.
    /// `body` must not reach `calls` itself.
    func update(_ callID: String, _ body: (inout LiveCall) -> Void) {
        guard let index = calls.index(forKey: callID) else { return }
        body(&calls.values[index])
    }

    /// Resolves one pending offer into an offer attempt.
    func resolveOffer(of call: inout LiveCall, agent: String, result: OfferResult, at now: Date) {
        guard let offer = call.offers.removeValue(forKey: agent) else { return }
        writer.append(.offer(OfferAttempt(callID: call.record.callID, callArrivedAt: call.record.arrivedAt, sequence: offer.sequence,
                                          agent: agent, offeredAt: offer.offeredAt, ringingAt: offer.ringingAt, endedAt: now,
                                          result: result)))
    }
}

extension OfferResult {
    /// The result of an offer the B2BUA reports as failed.
    init(_ failure: OfferFailure) {
        switch failure {
        case .noAnswer: self = .noAnswer
        case .busy: self = .busy
        case .declined: self = .declined
        case .unreachable: self = .unreachable
        case .trunkFailure: self = .trunkFailure
        }
    }

    /// The result of an offer the engine stopped.
    init(_ reason: CancelReason) {
        switch reason {
        case .answeredElsewhere: self = .answeredElsewhere
        case .callerLeft: self = .callerLeft
        case .ringTimeout: self = .noAnswer
        case .agentUnavailable: self = .agentUnavailable
        case .overflow: self = .overflow
        }
    }
}
