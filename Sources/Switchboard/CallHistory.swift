import CallStore
import ControlAPI
import ControlModel
import Dispatch
import Foundation

/// The control API's reads of the call store: call records with their offer attempts, and the
/// queue log. The store's queries block on I/O, so each runs on a serial dispatch queue of its own
/// (`switchboard-store-reader`), never on the SIP event loop nor on the HTTP server's threads; the
/// store reads a WAL snapshot and never waits for its writer.
struct CallHistory: Sendable {
    private let store: any ContactCenterStore
    private let queue = DispatchQueue(label: "switchboard-store-reader", qos: .utility)

    init(store: any ContactCenterStore) {
        self.store = store
    }

    /// The records matching `filter`, newest arrival first, each with its offers in order.
    func records(_ filter: CallRecordFilter) async throws -> [CallRecordView] {
        let store = store
        let query = CallRecordQuery(from: filter.since, to: filter.until, queue: filter.queue, agent: filter.agent, number: filter.number,
                                    limit: filter.limit)
        return try await read {
            try store.callRecords(matching: query).map { record in
                Self.view(record, offers: try store.offerAttempts(callID: record.callID, arrivedAt: record.arrivedAt))
            }
        }
    }

    /// The queue log events of `query`, oldest first.
    func queueLog(_ query: QueueLogQuery) async throws -> [QueueLogEntryView] {
        let store = store
        return try await read {
            try store.queueLog(since: query.since ?? .distantPast, limit: query.limit).map(Self.view)
        }
    }

    /// Runs `body` on the reader queue; a store failure answers 503 with its message.
    private func read<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try body())
                } catch {
                    continuation.resume(throwing: ControlError.unavailable("the call store could not be read: \(error)"))
                }
            }
        }
    }

    static func view(_ record: CallDetailRecord, offers: [OfferAttempt]) -> CallRecordView {
        CallRecordView(
            callID: record.callID, callerNumber: record.callerNumber, dialedNumber: record.dialedNumber, queue: record.queue,
            agent: record.agent, arrivedAt: time(record.arrivedAt), firstOfferAt: record.firstOfferAt.map(time),
            answeredAt: record.answeredAt.map(time), endedAt: record.endedAt.map(time), outcome: record.outcome.rawValue,
            endedBy: record.endedBy?.rawValue, cause: record.cause, waitSeconds: record.waitSeconds, talkSeconds: record.talkSeconds,
            offers: offers.map { offer in
                OfferAttemptView(sequence: offer.sequence, agent: offer.agent, offeredAt: time(offer.offeredAt),
                                 ringingAt: offer.ringingAt.map(time), endedAt: time(offer.endedAt), result: offer.result.rawValue)
            })
    }

    static func view(_ event: QueueLogEvent) -> QueueLogEntryView {
        QueueLogEntryView(time: time(event.time), callID: event.callID, queue: event.queue, agent: event.agent, event: event.event.rawValue,
                          data: event.data, line: event.line)
    }

    /// ISO 8601 UTC to the millisecond, the store's resolution.
    static func time(_ date: Date) -> String { ControlTime.string(unixMilliseconds: date.unixMilliseconds) }
}
