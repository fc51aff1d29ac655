import ControlModel

extension Render {
    /// `switchboard queues`.
    static func queues(_ queues: [QueueView]) -> String {
        var table = Table("QUEUE", "STATE", "WAITING", "READY", "STAFFED", "EWT", "SL", "ASA", "AHT", "ABANDONED")
        for queue in queues {
            let statistics = queue.statistics
            table.add(queue.name, state(queue), "\(queue.waiting.count)", "\(queue.ready)", "\(queue.staffed)/\(queue.members)",
                      Format.duration(queue.ewtSeconds), Format.percent(statistics.serviceLevel),
                      Format.duration(statistics.averageSpeedOfAnswerSeconds), Format.duration(statistics.averageHandleTimeSeconds),
                      Format.percent(statistics.abandonRate))
        }
        return table.render(emptyText: "no queues")
    }

    /// `switchboard queue show NAME`.
    static func queue(_ queue: QueueView) -> String {
        let statistics = queue.statistics
        let lines: [(String, String)] = [
            ("queue", queue.name),
            ("numbers", queue.numbers.joined(separator: ", ")),
            ("state", state(queue)),
            ("agents", "\(queue.ready) ready, \(queue.staffed) staffed, \(queue.loggedIn) logged in, \(queue.members) members"),
            ("ewt now", Format.duration(queue.ewtSeconds)),
            ("callers", "\(statistics.entered) entered, \(statistics.answered) answered, \(statistics.abandoned) abandoned, \(statistics.overflowed) overflowed"),
            ("service level", "\(Format.percent(statistics.serviceLevel)) within \(Format.duration(statistics.serviceLevelThresholdSeconds))"),
            ("ASA / AHT", "\(Format.duration(statistics.averageSpeedOfAnswerSeconds)) / \(Format.duration(statistics.averageHandleTimeSeconds))"),
            ("abandon rate", Format.percent(statistics.abandonRate)),
        ]
        return keyValues(lines) + "\n" + waiting(queue.waiting.map { (queue.name, $0) })
    }

    /// Waiting callers, with their queue.
    static func waiting(_ callers: [(queue: String, caller: WaitingCallerView)]) -> String {
        var table = Table("QUEUE", "POS", "CALL", "CALLER", "WAITED", "EWT", "PRIO", "RINGING")
        for (queue, caller) in callers {
            table.add(queue, caller.position == 0 ? "ring" : "\(caller.position)", caller.callID, caller.callerNumber,
                      Format.duration(caller.waitedSeconds), Format.duration(caller.ewtSeconds), "\(caller.priority)",
                      caller.ringing.isEmpty ? "-" : caller.ringing.joined(separator: ","))
        }
        return table.render(emptyText: "no callers waiting")
    }

    private static func state(_ queue: QueueView) -> String {
        queue.holiday.map { "holiday (\($0))" } ?? queue.state
    }
}
