import ControlAPI
import ControlModel
import Foundation
import NIOConcurrencyHelpers

/// A control surface with one queue (`support`, one caller `c1` waiting), two agents (`alice`,
/// `bob`), one call (`c1`), three stored call records and four queue log events; it records every
/// action and history read, answers unknown ids with 404, as the daemon does, and a reload with 409
/// when told to refuse it.
public final class FakeControlSurface: ControlSurface {
    /// An action the fake was asked for.
    public enum Recorded: Hashable, Sendable {
        /// An agent action.
        case agent(AgentAction, String)
        /// A call action.
        case call(CallAction, String)
        /// An emergency switch.
        case emergency(String?, Bool)
        /// A drain.
        case drain
        /// A reload.
        case reload
        /// A read of the call records.
        case callRecords(CallRecordFilter)
        /// A read of the queue log.
        case queueLog(QueueLogQuery)
    }

    private let recorded = NIOLockedValueBox<[Recorded]>([])
    /// The reason a reload is refused with (409), or `nil` to accept it.
    public let refuseReload: String?

    /// Creates the fake; `refuseReload` makes every reload a refusal with that reason.
    public init(refuseReload: String? = nil) {
        self.refuseReload = refuseReload
    }

    /// The actions asked for, oldest first.
    public var actions: [Recorded] { recorded.withLockedValue { $0 } }

    /// The status it reports.
    public static let status = StatusReport(
        version: "0.9.0", startedAt: "2026-12-05T18:00:00Z", uptimeSeconds: 125, listeners: [.init(transport: "udp", address: "127.0.0.1", port: 5070)],
        calls: 1, waitingCalls: 1, refusedForTransactionCapacity: 0, dialogs: 0, serverTransactions: 1, clientTransactions: 0, draining: false,
        presence: "reachable",
        presenceSource: .init(reachable: true, unreachableSince: nil, reason: nil, agents: 2, outages: 0, unknownAgents: 0),
        presenceRequests: .init(sent: 3, throttled: 0, failed: 0),
        connections: .init(accepted: 0, opened: 0, refused: .init(unknownPeer: 0, totalLimit: 0, peerLimit: 0), closedIdle: 0,
                           closedIncompleteMessage: 0, open: 0),
        trunks: [.init(name: "sbc", up: true, since: "2026-12-05T18:00:00Z")])

    /// The queue it holds.
    public static let support = QueueView(
        name: "support", numbers: ["+15550100"], state: "open", holiday: nil, emergency: false, members: 2, loggedIn: 2, staffed: 1, ready: 0,
        ewtSeconds: 90, waiting: [WaitingCallerView(callID: "c1", callerNumber: "+4930123", position: 1, priority: 0, waitedSeconds: 42,
                                                    ewtSeconds: 90, ringing: [])],
        statistics: QueueStatisticsView(entered: 10, answered: 8, abandoned: 1, overflowed: 1, serviceLevelThresholdSeconds: 20, serviceLevel: 0.75,
                                        averageSpeedOfAnswerSeconds: 12.5, averageHandleTimeSeconds: 185, abandonRate: 0.1111))

    /// The agents it holds.
    public static let agents = [
        AgentView(id: "alice", number: "+15550201", status: "onBreak", breakReason: "lunch", state: "idle", callID: nil, wrapUpEndsAt: nil,
                  ronaBreakEndsAt: nil, backOffEndsAt: nil, consecutiveMisses: 0,
                  presence: PresenceView(availability: "Available", activity: "Available", observedAt: "2026-12-05T18:01:00Z", ageSeconds: 65),
                  callsToday: 4, routable: false, why: "on a break (lunch)",
                  queues: [AgentQueueView(queue: "support", routable: false, reason: ReasonView(code: "onBreak", text: "on a break (lunch)"))],
                  statistics: AgentStatisticsView(offered: 5, answered: 4, handled: 4, ronaBreaks: 0, averageHandleTimeSeconds: 170)),
        AgentView(id: "bob", number: "+15550202", status: "available", breakReason: nil, state: "onCall", callID: "c0", wrapUpEndsAt: nil,
                  ronaBreakEndsAt: nil, backOffEndsAt: nil, consecutiveMisses: 0, presence: nil, callsToday: 1, routable: false,
                  why: "on call c0", queues: [AgentQueueView(queue: "support", routable: false, reason: ReasonView(code: "onCall", text: "on call c0"))],
                  statistics: AgentStatisticsView(offered: 1, answered: 1, handled: 0, ronaBreaks: 0, averageHandleTimeSeconds: nil)),
    ]

    /// The call it holds.
    public static let call = CallView(
        callID: "c1", queue: "support", callerNumber: "+4930123", state: "waiting", arrivedAt: "2026-12-05T18:02:00Z", answeredAt: nil,
        durationSeconds: 42, callerLeg: CallerLegView(sipCallID: "c1", from: "udp:127.0.0.1:5060", answered: false), agentLeg: nil, ringing: [])

    /// See ``ControlSurface/status()``.
    public func status() async throws -> StatusReport { Self.status }
    /// See ``ControlSurface/metrics()``.
    public func metrics() async throws -> String { "# TYPE switchboard_calls_in_progress gauge\nswitchboard_calls_in_progress 1\n" }
    /// See ``ControlSurface/queues()``.
    public func queues() async throws -> [QueueView] { [Self.support] }
    /// See ``ControlSurface/queue(_:)``.
    public func queue(_ name: String) async throws -> QueueView {
        guard name == "support" else { throw ControlError.notFound(field: "queue", value: name) }
        return Self.support
    }
    /// See ``ControlSurface/setEmergency(queue:active:)``.
    public func setEmergency(queue: String?, active: Bool) async throws -> [QueueView] {
        if let queue { _ = try await self.queue(queue) }
        recorded.withLockedValue { $0.append(.emergency(queue, active)) }
        var changed = Self.support
        changed.emergency = active
        changed.state = active ? "emergency" : "open"
        return [changed]
    }
    /// See ``ControlSurface/agents()``.
    public func agents() async throws -> [AgentView] { Self.agents }
    /// See ``ControlSurface/agent(_:)``.
    public func agent(_ id: String) async throws -> AgentView {
        guard let agent = Self.agents.first(where: { $0.id == id }) else { throw ControlError.notFound(field: "agent", value: id) }
        return agent
    }
    /// See ``ControlSurface/perform(_:agent:)``.
    public func perform(_ action: AgentAction, agent id: String) async throws -> AgentView {
        let agent = try await self.agent(id)
        recorded.withLockedValue { $0.append(.agent(action, id)) }
        return agent
    }
    /// See ``ControlSurface/calls()``.
    public func calls() async throws -> [CallView] { [Self.call] }
    /// See ``ControlSurface/call(_:)``.
    public func call(_ id: String) async throws -> CallView {
        guard id == Self.call.callID else { throw ControlError.notFound(field: "call", value: id) }
        return Self.call
    }
    /// See ``ControlSurface/explain(call:)``.
    public func explain(call id: String) async throws -> ExplanationView {
        _ = try await call(id)
        return ExplanationView(callID: id, queue: "support", candidates: [],
                               skipped: Self.agents.map { SkippedAgentView(agent: $0.id, reason: $0.queues[0].reason ?? ReasonView(code: "", text: "")) })
    }
    /// See ``ControlSurface/perform(_:call:)``.
    public func perform(_ action: CallAction, call id: String) async throws -> ActionResult {
        _ = try await call(id)
        recorded.withLockedValue { $0.append(.call(action, id)) }
        return ActionResult(action: "\(action)", callID: id, message: "done")
    }
    /// See ``ControlSurface/drain()``.
    public func drain() async throws -> ActionResult {
        recorded.withLockedValue { $0.append(.drain) }
        return ActionResult(action: "drain", callID: nil, message: "draining")
    }
    /// See ``ControlSurface/reload()``: refused when ``refuseReload`` holds a reason.
    public func reload() async throws -> ActionResult {
        recorded.withLockedValue { $0.append(.reload) }
        if let reason = refuseReload { throw ControlError.conflict(field: nil, message: reason) }
        return ActionResult(action: "reload", callID: nil, message: "reloaded: 1 queues (0 added, 0 removed), 3 agents (0 added, 0 removed)")
    }
    /// See ``ControlSurface/callRecords(_:)``: ``records`` filtered as the store filters them.
    public func callRecords(_ filter: CallRecordFilter) async throws -> [CallRecordView] {
        recorded.withLockedValue { $0.append(.callRecords(filter)) }
        return Array(Self.records.filter { Self.matches($0, filter) }.prefix(filter.limit))
    }
    /// See ``ControlSurface/queueLog(_:)``: ``queueLogEvents`` from `since`, at most `limit`.
    public func queueLog(_ query: QueueLogQuery) async throws -> [QueueLogEntryView] {
        recorded.withLockedValue { $0.append(.queueLog(query)) }
        let since = query.since.map { Int64(($0.timeIntervalSince1970 * 1_000).rounded()) } ?? .min
        return Array(Self.queueLogEvents.filter { (ControlTime.unixMilliseconds($0.time) ?? 0) >= since }.prefix(query.limit))
    }

    private static func matches(_ record: CallRecordView, _ filter: CallRecordFilter) -> Bool {
        let arrived = Date(timeIntervalSince1970: TimeInterval(ControlTime.unixMilliseconds(record.arrivedAt) ?? 0) / 1_000)
        let checks: [Bool] = [
            filter.since.map { arrived >= $0 } ?? true, filter.until.map { arrived < $0 } ?? true,
            filter.queue.map { record.queue == $0 } ?? true, filter.agent.map { record.agent == $0 } ?? true,
            filter.number.map { record.callerNumber == $0 || record.dialedNumber == $0 } ?? true,
        ]
        return !checks.contains(false)
    }
}
