@testable import CallStore
import Foundation
import Testing

@Suite("Store writer's cadence: one wake-up per batch")
struct StoreWriterCadenceTests {
    private static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("idle, the first change wakes the writer; the changes after it do not")
    func idleWakesOnFirstChange() {
        let cadence = StoreWriterCadence(interval: 0.1, batchLimit: 5_000)
        #expect(cadence.due == nil)
        #expect(cadence.wakes(waiting: 1))
        #expect(!cadence.wakes(waiting: 2))
    }

    @Test("after a commit no change wakes the writer, which sleeps until the interval has passed")
    func busySleepsUntilDue() {
        var cadence = StoreWriterCadence(interval: 0.1, batchLimit: 5_000)
        cadence.committed(at: Self.start)
        #expect(cadence.due == Self.start.addingTimeInterval(0.1))
        #expect(!cadence.wakes(waiting: 1))
        #expect(!cadence.wakes(waiting: 4_999))
    }

    @Test("a full batch wakes the writer, idle or not")
    func fullBatchWakes() {
        var cadence = StoreWriterCadence(interval: 0.1, batchLimit: 5_000)
        #expect(cadence.wakes(waiting: 5_000))
        cadence.committed(at: Self.start)
        #expect(cadence.wakes(waiting: 5_000))
    }

    @Test("a wake-up that finds nothing makes the writer idle again: the next change wakes it")
    func nothingFoundIsIdle() {
        var cadence = StoreWriterCadence(interval: 0.1, batchLimit: 5_000)
        cadence.committed(at: Self.start)
        cadence.foundNothing()
        #expect(cadence.due == nil)
        #expect(cadence.wakes(waiting: 1))
    }
}
