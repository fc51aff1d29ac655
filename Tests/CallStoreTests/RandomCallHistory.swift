import CallStore
import Foundation
import SwitchboardTestKit

/// Random histories of calls as the daemon's recorder writes them (a record opened at arrival,
/// rewritten at the answer, closed at the end; resolved offers; queue log lines; agent statuses),
/// in time order, with what a store must take although the recorder does not write it today: a
/// Call-ID seen again later, a close without an open, a caller number that changes, a record
/// reopened or closed twice, an offer written twice.
struct RandomCallHistory {
    private static let queues = ["support", "sales"], agents = ["alice", "bob", "carol", "dave"]
    private static let dialed: [String?] = [nil, "+15550100", "+15550200"]

    /// The changes of `calls` calls in time order; some calls are still open at the end.
    static func changes(calls: Int, using rng: inout SeededGenerator) -> [StoreChange] {
        var timed: [(at: Int64, order: Int, change: StoreChange)] = []
        func add(_ at: Int64, _ change: StoreChange) { timed.append((at, timed.count, change)) }
        for index in 0..<calls {
            let arrived = Int64(index) * 3 + Int64.random(in: 0...2, using: &rng)
            let callID = "c\(index % max(1, calls * 3 / 4))@pstn"
            var record = CallDetailRecord(callID: callID, callerNumber: "+1555123\(Int.random(in: 0..<8, using: &rng))",
                                          queue: queues.randomElement(using: &rng)!, arrivedAt: instant(arrived))
            if Int.random(in: 0..<20, using: &rng) > 0 { add(arrived, .call(record)) }
            add(arrived, line(record, at: arrived, .enterQueue, data: ["", record.callerNumber, "1"]))
            var now = arrived
            for sequence in 1...Int.random(in: 1...3, using: &rng) {
                let agent = agents.randomElement(using: &rng)!, offered = now + 1
                now += Int64.random(in: 1...20, using: &rng)
                let answered = Bool.random(using: &rng)
                let offer = OfferAttempt(callID: callID, callArrivedAt: record.arrivedAt, sequence: sequence, agent: agent,
                                         offeredAt: instant(offered), ringingAt: Bool.random(using: &rng) ? instant(offered) : nil,
                                         endedAt: instant(now), result: answered ? .answered : OfferResult.allCases.randomElement(using: &rng)!)
                add(now, .offer(offer))
                if Int.random(in: 0..<20, using: &rng) == 0 { add(now + 1, .offer(offer)) }
                record.agent = agent
                record.firstOfferAt = record.firstOfferAt ?? instant(offered)
                if answered {
                    record.answeredAt = instant(now)
                    add(now, .call(record))
                    add(now, line(record, at: now, .connect, data: ["\(now - arrived)", "", "1"]))
                    break
                }
                add(now, line(record, at: now, .ringNoAnswer, data: ["1000"]))
            }
            guard Int.random(in: 0..<6, using: &rng) > 0 else { continue }
            now += Int64.random(in: 1...120, using: &rng)
            record.dialedNumber = dialed.randomElement(using: &rng)!
            if Int.random(in: 0..<10, using: &rng) == 0 { record.callerNumber += "9" }
            if Int.random(in: 0..<5, using: &rng) == 0 { record.queue = queues.randomElement(using: &rng)! }
            record.endedAt = instant(now)
            record.outcome = record.answeredAt == nil ? .abandoned : .completed
            record.endedBy = record.answeredAt == nil ? .caller : CallEndParty.allCases.randomElement(using: &rng)!
            record.cause = record.answeredAt == nil ? "CANCEL" : "BYE"
            add(now, .call(record))
            add(now, line(record, at: now, record.answeredAt == nil ? .abandon : .completeCaller, data: ["1", "2", "1"]))
            switch Int.random(in: 0..<20, using: &rng) {
            case 0:
                var reopened = record
                (reopened.endedAt, reopened.outcome, reopened.endedBy, reopened.cause, reopened.dialedNumber) = (nil, .inProgress, nil, nil, nil)
                add(now + Int64.random(in: 0...30, using: &rng), .call(reopened))
            case 1:
                var again = record
                (again.dialedNumber, again.outcome, again.cause) = (nil, .released, "480 Queue timeout")
                add(now + Int64.random(in: 0...30, using: &rng), .call(again))
            default:
                break
            }
        }
        for index in 0..<calls / 10 {
            let status = AgentStatusKind.allCases.randomElement(using: &rng)!
            add(Int64.random(in: 0...Int64(calls) * 3, using: &rng),
                .agentStatus(AgentStatusRecord(agent: agents.randomElement(using: &rng)!, status: status,
                                               reason: status == .onBreak ? "RONA" : nil, since: instant(Int64(index)),
                                               until: status == .onBreak ? instant(Int64(index) + 300) : nil)))
        }
        return timed.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map(\.change)
    }

    /// `changes` cut into batches of 1 to `largest` changes, as the writer's flushes cut them.
    static func batches(_ changes: [StoreChange], largest: Int, using rng: inout SeededGenerator) -> [[StoreChange]] {
        var batches: [[StoreChange]] = [], start = 0
        while start < changes.count {
            let end = min(changes.count, start + Int.random(in: 1...largest, using: &rng))
            batches.append(Array(changes[start..<end]))
            start = end
        }
        return batches
    }

    private static func line(_ record: CallDetailRecord, at seconds: Int64, _ event: QueueLogEventName, data: [String]) -> StoreChange {
        .queueLog(QueueLogEvent(time: instant(seconds), callID: record.callID, queue: record.queue,
                                agent: record.agent ?? "NONE", event: event, data: data))
    }
}
