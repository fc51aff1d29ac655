import ACD
import CallStore
import Foundation

extension CallRecorder {
    /// Appends one queue log event of `call`'s current queue.
    func log(_ event: QueueLogEventName, call: LiveCall, agent: String, at now: Date, data: [String]) {
        writer.append(.queueLog(QueueLogEvent(time: now, callID: call.record.callID, queue: call.record.queue, agent: agent,
                                              event: event, data: data)))
    }

    /// The line for a caller leaving its queue by an overflow rule: `EXITWITHTIMEOUT`, `EXITEMPTY`,
    /// `EXITWITHKEY`, or Switchboard's `EXITOVERFLOW` for the rules Asterisk has no event for. The
    /// position is the one the caller entered with: the engine does not report positions as callers move up.
    func logExit(_ call: LiveCall, reason: OverflowReason, at now: Date) {
        let place = ["\(call.originalPosition)", "\(call.originalPosition)", seconds(from: call.enteredQueueAt, to: now)]
        switch reason {
        case .timeout: log(.exitWithTimeout, call: call, agent: "NONE", at: now, data: place)
        case .noAgents: log(.exitEmpty, call: call, agent: "NONE", at: now, data: place)
        case .exitKey: log(.exitWithKey, call: call, agent: "NONE", at: now, data: [call.exitKey.map { String($0) } ?? ""] + place)
        case .full, .ewt, .withdrawn, .closed, .holiday, .emergency:
            log(.exitOverflow, call: call, agent: "NONE", at: now, data: [reason.rawValue] + place)
        }
    }

    /// A supervisor's event the engine accepted: a status it sets is stored here, since the engine
    /// reports as decisions only the status changes it makes itself (RONA, a break's end).
    func observe(supervisorEvent event: ACDEvent, at now: Date) {
        if case .agentStatusChanged(let agent, let status) = event { recordStatus(of: agent.rawValue, status, breakUntil: nil, at: now) }
    }

    /// Stores an agent's new status and writes its queue log lines: `PAUSE`/`UNPAUSE` with the break
    /// reason, `ADDMEMBER`/`REMOVEMEMBER` for logging in and out, one line per queue the agent serves.
    func recordStatus(of agent: String, _ status: AgentStatus, breakUntil: Date?, at now: Date) {
        let record: AgentStatusRecord = switch status {
        case .available: AgentStatusRecord(agent: agent, status: .available, since: now)
        case .loggedOut: AgentStatusRecord(agent: agent, status: .loggedOut, since: now)
        case .onBreak(let reason): AgentStatusRecord(agent: agent, status: .onBreak, reason: reason.rawValue, since: now, until: breakUntil)
        }
        let previous = statuses[agent] ?? AgentStatusRecord(agent: agent, status: .available, since: now)
        statuses[agent] = record
        writer.append(.agentStatus(record))
        var lines: [(QueueLogEventName, [String])] = []
        if previous.status == .loggedOut, record.status != .loggedOut { lines.append((.addMember, [])) }
        if previous.status == .onBreak, record.status != .onBreak { lines.append((.unpause, [previous.reason ?? ""])) }
        if record.status == .onBreak { lines.append((.pause, [record.reason ?? ""])) }
        if record.status == .loggedOut, previous.status != .loggedOut { lines.append((.removeMember, [])) }
        for queue in queuesOfAgent[agent] ?? [] {
            for (event, data) in lines {
                writer.append(.queueLog(QueueLogEvent(time: now, queue: queue, agent: agent, event: event, data: data)))
            }
        }
    }

    /// Whole seconds between two instants, as queue log text.
    func seconds(from start: Date, to end: Date) -> String {
        "\(max(0, end.unixMilliseconds - start.unixMilliseconds) / 1_000)"
    }

    /// Milliseconds between two instants.
    func milliseconds(from start: Date, to end: Date) -> Int64 {
        max(0, end.unixMilliseconds - start.unixMilliseconds)
    }
}
