import Foundation

/// One line of the queue log, in Asterisk's `queue_log` form:
/// `time|callid|queuename|agent|event|data1|…|data5`. `NONE` stands for no call, no queue or no agent.
public struct QueueLogEvent: Sendable, Equatable {
    /// When it happened.
    public var time: Date
    /// The caller's A-leg Call-ID, or `NONE` for an agent's event.
    public var callID: String
    /// The queue, or `NONE`.
    public var queue: String
    /// The agent id, or `NONE`.
    public var agent: String
    /// The event.
    public var event: QueueLogEventName
    /// The event's parameters, in Asterisk's order for that event (at most five).
    public var data: [String]

    /// Creates an event; `data` beyond five fields is refused by the store.
    public init(time: Date, callID: String = "NONE", queue: String = "NONE", agent: String = "NONE",
                event: QueueLogEventName, data: [String] = []) {
        self.time = time
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.event = event
        self.data = data
    }

    /// The classic text line: Unix time in whole seconds, then the fields separated by `|`, one
    /// field per parameter of the event (no trailing separators). A `|`, CR or LF inside a value is
    /// written as a space, so every event stays one line with its fields in place.
    public var line: String {
        let fields = ["\(time.unixMilliseconds / 1_000)", callID, queue, agent, event.rawValue] + data
        return fields.map(Self.sanitized).joined(separator: "|")
    }

    private static func sanitized(_ field: String) -> String {
        let separators: Set<Unicode.Scalar> = ["|", "\n", "\r"]
        guard field.unicodeScalars.contains(where: separators.contains) else { return field }
        return String(String.UnicodeScalarView(field.unicodeScalars.map { separators.contains($0) ? " " : $0 }))
    }
}

/// The queue log's event names: Asterisk's, with the parameters Asterisk documents for each (see
/// docs/storage.md), and Switchboard's own: ``exitOverflow`` and the callback events.
public enum QueueLogEventName: String, Sendable, CaseIterable {
    /// `ENTERQUEUE(url|callerid|origposition)`: a caller entered the queue.
    case enterQueue = "ENTERQUEUE"
    /// `CONNECT(holdtime|bridgedchanneluniqueid|ringtime)`: the caller was connected to an agent.
    case connect = "CONNECT"
    /// `COMPLETECALLER(holdtime|calltime|origposition)`: a connected call ended by the caller.
    case completeCaller = "COMPLETECALLER"
    /// `COMPLETEAGENT(holdtime|calltime|origposition)`: a connected call ended by the agent's side.
    case completeAgent = "COMPLETEAGENT"
    /// `ABANDON(position|origposition|waittime)`: the caller hung up before being connected.
    case abandon = "ABANDON"
    /// `RINGNOANSWER(ringtime)`: an offer ended without the agent picking up (ringtime in ms).
    case ringNoAnswer = "RINGNOANSWER"
    /// `RINGCANCELED`: the caller hung up while the agent rang.
    case ringCanceled = "RINGCANCELED"
    /// `EXITWITHTIMEOUT(position|origposition|waittime)`: the caller waited too long.
    case exitWithTimeout = "EXITWITHTIMEOUT"
    /// `EXITEMPTY(position|origposition|waittime)`: the caller left because no agent could take calls.
    case exitEmpty = "EXITEMPTY"
    /// `EXITWITHKEY(key|position|origposition|waittime)`: the caller pressed the exit key.
    case exitWithKey = "EXITWITHKEY"
    /// Switchboard's own `EXITOVERFLOW(reason|position|origposition|waittime)`: the caller left by
    /// another overflow rule (`full`, `ewt`, `closed`, `holiday`, `emergency`, `withdrawn`).
    case exitOverflow = "EXITOVERFLOW"
    /// Switchboard's own `CALLBACKREQUESTED(key|position|origposition|waittime)`: the caller pressed the
    /// callback key, hangs up and keeps their place.
    case callbackRequested = "CALLBACKREQUESTED"
    /// Switchboard's own `CALLBACKNOANSWER(attempt|cause)`: a call back to the caller went unanswered
    /// (`cause`: the SIP status, or `timeout`); the agent who answered its offer is free again.
    case callbackNoAnswer = "CALLBACKNOANSWER"
    /// Switchboard's own `CALLBACKFAILED(attempts|origposition|waittime)`: the last call back went unanswered.
    case callbackFailed = "CALLBACKFAILED"
    /// `ADDMEMBER`: the agent logged in to the queue.
    case addMember = "ADDMEMBER"
    /// `REMOVEMEMBER`: the agent logged out of the queue.
    case removeMember = "REMOVEMEMBER"
    /// `PAUSE(reason)`: the agent went on a break in the queue.
    case pause = "PAUSE"
    /// `UNPAUSE(reason)`: the agent's break ended in the queue.
    case unpause = "UNPAUSE"
}
