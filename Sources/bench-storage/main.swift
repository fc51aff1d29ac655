// Sustained write rate of the call store: calls as the daemon records them (the record opened at
// arrival, rewritten at the answer and closed at the end, two offer attempts, four queue_log
// lines: 9 row writes for 7 rows), committed in transactions of a fixed size (by default 40
// calls, those of 20 ms at 2,000 calls/s), into one SQLite file in WAL mode with
// synchronous=NORMAL. Prints the median of several runs, each into the same file (so later runs
// insert into fuller indexes), and the ratio to a call rate. Arguments, all optional: the call
// rate (calls per second, default 2,000), calls per run (50,000), calls per transaction (40).
// Then, into the same file, three runs of the batches the daemon's writer forms at that call rate
// (`WriterBatches`): the writer's CPU per call under `scripts/bench calls`.
import CallStore
import Foundation

let callRate = CommandLine.arguments.dropFirst().first.flatMap(Double.init) ?? 2_000
let callsPerRun = CommandLine.arguments.dropFirst(2).first.flatMap(Int.init) ?? 50_000
let callsPerTransaction = CommandLine.arguments.dropFirst(3).first.flatMap(Int.init) ?? 40
let runs = 5

/// The changes one call leaves in the store, `index` making it unique.
func changes(ofCall index: Int, at base: Date) -> [StoreChange] {
    let arrived = base.addingTimeInterval(Double(index) / 1_000)
    let callID = "\(String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, radix: 16))@192.0.2.10"
    let agent = "agent\(index % 500)", other = "agent\((index + 1) % 500)"
    let open = CallDetailRecord(callID: callID, callerNumber: "+1555123\(index % 10_000)", queue: "support", arrivedAt: arrived)
    var answered = open
    answered.agent = agent
    answered.firstOfferAt = arrived.addingTimeInterval(0.01)
    answered.answeredAt = arrived.addingTimeInterval(15.02)
    var closed = answered
    closed.dialedNumber = "+15550100"
    closed.endedAt = arrived.addingTimeInterval(195)
    closed.outcome = .completed
    closed.endedBy = .caller
    closed.cause = "BYE"
    func line(_ event: QueueLogEventName, _ agent: String, _ data: [String]) -> StoreChange {
        .queueLog(QueueLogEvent(time: arrived, callID: callID, queue: "support", agent: agent, event: event, data: data))
    }
    return [
        .call(open),
        line(.enterQueue, "NONE", ["", open.callerNumber, "1"]),
        .offer(OfferAttempt(callID: callID, callArrivedAt: arrived, sequence: 1, agent: other, offeredAt: arrived.addingTimeInterval(0.01),
                            ringingAt: arrived.addingTimeInterval(0.2), endedAt: arrived.addingTimeInterval(15.01), result: .noAnswer)),
        line(.ringNoAnswer, other, ["15000"]),
        .offer(OfferAttempt(callID: callID, callArrivedAt: arrived, sequence: 2, agent: agent, offeredAt: arrived.addingTimeInterval(15.01),
                            ringingAt: arrived.addingTimeInterval(15.015), endedAt: arrived.addingTimeInterval(15.02), result: .answered)),
        line(.connect, agent, ["15", "", "0"]),
        .call(answered),
        line(.completeCaller, agent, ["15", "180", "1"]),
        .call(closed),
    ]
}

/// User and system CPU time of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bench-storage-\(ProcessInfo.processInfo.processIdentifier)")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let store = try SQLiteStore(path: directory.appendingPathComponent("switchboard.sqlite").path)
let base = Date(timeIntervalSince1970: 1_790_000_000)

print("calls per run: \(callsPerRun), \(callsPerTransaction) calls (\(callsPerTransaction * 9) row writes) per transaction")
var rates: [Double] = [], cpuRates: [Double] = []
for run in 0..<runs {
    let batches = stride(from: 0, to: callsPerRun, by: callsPerTransaction).map { first in
        (first..<min(first + callsPerTransaction, callsPerRun)).flatMap { changes(ofCall: run * callsPerRun + $0, at: base) }
    }
    let cpuBefore = cpuSeconds()
    let clock = ContinuousClock()
    let elapsed = try clock.measure {
        for batch in batches { try store.apply(batch) }
    }
    let cpu = cpuSeconds() - cpuBefore
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    rates.append(Double(callsPerRun) / seconds)
    cpuRates.append(Double(callsPerRun) / cpu)
    print(String(format: "run %d: %.2f s wall, %.2f s CPU: %.0f calls/s wall, %.0f calls per CPU-second (%.1f µs CPU per call)",
                 run + 1, seconds, cpu, rates[run], cpuRates[run], cpu / Double(callsPerRun) * 1e6))
}
let median = rates.sorted()[runs / 2], cpuMedian = cpuRates.sorted()[runs / 2]
print(String(format: "median: %.0f call records/s stored (%.0f row writes/s), %.0f per CPU-second (%.1f µs CPU per call)",
             median, median * 9, cpuMedian, 1e6 / cpuMedian))
let writer = WriterBatches(rate: Int(callRate))
var writerCosts: [Double] = []
for run in 0..<3 {
    let batches = writer.batches(first: (runs + run) * callsPerRun, count: callsPerRun, base: base.addingTimeInterval(86_400))
    let cpuBefore = cpuSeconds()
    for batch in batches { try store.apply(StoreChange.coalescing(batch)) }
    writerCosts.append((cpuSeconds() - cpuBefore) / Double(callsPerRun) * 1e6)
    print(String(format: "writer's batches, run %d: %d batches, %.1f µs CPU per call", run + 1, batches.count, writerCosts[run]))
}
print(String(format: "writer's batches at %.0f calls/s (calls held 1 s, a batch every 100 ms, coalesced as the writer does): median %.1f µs CPU per call",
             callRate, writerCosts.sorted()[1]))
print(String(format: "ratio to %.0f calls/s: %.1fx wall, %.1fx per CPU-second of one core (goal: at least 5x)",
             callRate, median / callRate, cpuMedian / callRate))
