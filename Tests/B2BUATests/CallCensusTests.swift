import Dispatch
@testable import B2BUA
import Synchronization
import Testing

@Suite("CallCensus: the concurrent-call limit is exact across shards")
struct CallCensusTests {
    @Test("Two shards racing for the last place: exactly one wins, in every one of 2,000 races")
    func twoShardsRacingForTheLastPlace() {
        var bothWon = 0, noneWon = 0
        for _ in 0..<2_000 {
            let census = CallCensus()
            for _ in 0..<9 { _ = census.reserve(under: 10) }
            let winners = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                if census.reserve(under: 10) { winners.add(1, ordering: .relaxed) }
            }
            switch winners.load(ordering: .relaxed) {
            case 2: bothWon += 1
            case 0: noneWon += 1
            default: break
            }
            #expect(census.callCount == 10)
        }
        #expect(bothWon == 0)
        #expect(noneWon == 0)
    }

    @Test("Two threads reserving as fast as they can never pass the limit together")
    func contendedReservationsStopExactlyAtTheLimit() {
        let census = CallCensus()
        let limit = 50_000
        let won = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            var mine = 0
            for _ in 0..<limit where census.reserve(under: limit) { mine += 1 }
            won.add(mine, ordering: .relaxed)
        }
        #expect(won.load(ordering: .relaxed) == limit)
        #expect(census.callCount == limit)
    }

    @Test("A released place can be taken again; a call that reserved its place is not counted twice")
    func releaseAndArrival() {
        let census = CallCensus()
        #expect(census.reserve(under: 1))
        #expect(!census.reserve(under: 1))
        census.release()
        #expect(census.reserve(under: 1))
        census.arrived(reserved: true)
        #expect(census.callCount == 1)
        #expect(census.waitingCount == 1)
        census.ended()
        #expect(census.callCount == 0)
        census.arrived(reserved: false)
        #expect(census.callCount == 1)
    }
}
