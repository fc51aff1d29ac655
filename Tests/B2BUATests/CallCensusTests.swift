import Dispatch
@testable import B2BUA
import Synchronization
import Testing

@Suite("CallCensus: the concurrent-call and waiting limits are exact across shards")
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
        census.ended()
        #expect(census.callCount == 0)
        census.arrived(reserved: false)
        #expect(census.callCount == 1)
    }

    @Test("Two shards racing for the last waiting place: exactly one wins, in every one of 2,000 races")
    func twoShardsRacingForTheLastWaitingPlace() {
        var winnersOtherThanOne = 0
        for _ in 0..<2_000 {
            let census = CallCensus()
            for _ in 0..<4 { _ = census.reserveWaiting(under: 5) }
            let winners = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                if census.reserveWaiting(under: 5) { winners.add(1, ordering: .relaxed) }
            }
            if winners.load(ordering: .relaxed) != 1 { winnersOtherThanOne += 1 }
            #expect(census.waitingCount == 5)
        }
        #expect(winnersOtherThanOne == 0)
    }

    @Test("A waiting place given back can be taken again; a restored call waits whatever the limit")
    func waitingPlacesReleasedAndRestored() {
        let census = CallCensus()
        #expect(census.reserveWaiting(under: 1))
        #expect(!census.reserveWaiting(under: 1))
        census.releaseWaiting()
        #expect(census.reserveWaiting(under: 1))
        census.restored()
        #expect(census.waitingCount == 2)
        #expect(census.callCount == 1)
        census.stoppedWaiting()
        census.stoppedWaiting()
        #expect(census.waitingCount == 0)
        #expect(census.reserveWaiting(under: 1))
    }
}
