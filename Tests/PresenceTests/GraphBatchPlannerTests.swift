import Presence
import Testing

@Suite("Batches of at most 650 ids, spread over the interval")
struct GraphBatchPlannerTests {
    @Test("Batch sizes", arguments: [
        (0, [Int]()), (1, [1]), (650, [650]), (651, [650, 1]), (1300, [650, 650]), (50_000, Array(repeating: 650, count: 76) + [600]),
    ])
    func batchSizes(count: Int, sizes: [Int]) {
        let ids = (0..<count).map { "id-\($0)" }
        let batches = GraphBatchPlanner.batches(ids)
        #expect(batches.map(\.count) == sizes)
        #expect(batches.flatMap { $0 } == ids)
    }

    @Test("Slots are evenly spread inside the interval")
    func slots() {
        let start = ContinuousClock.now
        let slots = (0..<4).map { GraphBatchPlanner.slot(index: $0, of: 4, cycleStart: start, interval: .seconds(5)) }
        #expect(slots == [start, start + .milliseconds(1250), start + .milliseconds(2500), start + .milliseconds(3750)])
        #expect(GraphBatchPlanner.slot(index: 0, of: 1, cycleStart: start, interval: .seconds(5)) == start)
    }
}
