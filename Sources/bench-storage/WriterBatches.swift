import CallStore
import Foundation

/// The batches the daemon's `StoreWriter` forms under `scripts/bench calls`: every `flush` seconds
/// one batch with the arrivals of that interval (record opened, `ENTERQUEUE`, the answered offer,
/// `CONNECT`, the record rewritten at the answer) and the ends of the calls that arrived `hold`
/// seconds earlier (`COMPLETECALLER`, the record closed). Coalesced as the writer coalesces them,
/// that is 6 rows per call, the record written at its arrival and at its end.
struct WriterBatches {
    var rate: Int
    var hold: TimeInterval = 1
    var flush: TimeInterval = 0.1

    /// The batches of calls `first..<first + count`, arriving at `rate` from `base`.
    func batches(first: Int, count: Int, base: Date) -> [[StoreChange]] {
        let perBatch = max(1, Int((Double(rate) * flush).rounded()))
        let holdBatches = Int((hold / flush).rounded())
        let arrivals = stride(from: 0, to: count, by: perBatch).map { start in first + start..<first + min(start + perBatch, count) }
        return (0..<arrivals.count + holdBatches).map { index in
            var batch: [StoreChange] = []
            if index < arrivals.count { batch += arrivals[index].flatMap { arrival(ofCall: $0, base: base) } }
            if index >= holdBatches { batch += arrivals[index - holdBatches].flatMap { end(ofCall: $0, base: base) } }
            return batch
        }
    }

    private func answered(_ index: Int, base: Date) -> CallDetailRecord {
        let arrived = base.addingTimeInterval(Double(index) / Double(rate))
        return CallDetailRecord(callID: "\(index)-4242@127.0.0.1", callerNumber: "+1555019\(index)", queue: "bench",
                                agent: "a\(index % 6_000)", arrivedAt: arrived, firstOfferAt: arrived.addingTimeInterval(0.001),
                                answeredAt: arrived.addingTimeInterval(0.004))
    }

    private func arrival(ofCall index: Int, base: Date) -> [StoreChange] {
        let record = answered(index, base: base)
        var opened = record
        (opened.agent, opened.firstOfferAt, opened.answeredAt) = (nil, nil, nil)
        return [
            .call(opened),
            .queueLog(QueueLogEvent(time: record.arrivedAt, callID: record.callID, queue: "bench", event: .enterQueue,
                                    data: ["", record.callerNumber, "1"])),
            .offer(OfferAttempt(callID: record.callID, callArrivedAt: record.arrivedAt, sequence: 1, agent: record.agent ?? "",
                                offeredAt: record.firstOfferAt ?? record.arrivedAt, ringingAt: nil,
                                endedAt: record.answeredAt ?? record.arrivedAt, result: .answered)),
            .queueLog(QueueLogEvent(time: record.answeredAt ?? record.arrivedAt, callID: record.callID, queue: "bench",
                                    agent: record.agent ?? "NONE", event: .connect, data: ["0", "", "0"])),
            .call(record),
        ]
    }

    private func end(ofCall index: Int, base: Date) -> [StoreChange] {
        var record = answered(index, base: base)
        record.dialedNumber = "+15550100"
        record.endedAt = record.arrivedAt.addingTimeInterval(hold)
        (record.outcome, record.endedBy, record.cause) = (.completed, .caller, "BYE")
        return [
            .queueLog(QueueLogEvent(time: record.endedAt ?? record.arrivedAt, callID: record.callID, queue: "bench",
                                    agent: record.agent ?? "NONE", event: .completeCaller, data: ["0", "1", "1"])),
            .call(record),
        ]
    }
}
