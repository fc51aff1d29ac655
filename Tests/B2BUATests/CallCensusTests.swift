import Dispatch
@testable import B2BUA
import Synchronization
import Testing

@Suite("CallCensus: the concurrent-call and waiting limits are exact across shards")
struct CallCensusTests {
    @Test("Two shards racing for the last place: exactly one wins, in every one of 2,000 races", arguments: CensusPlace.allCases)
    func twoShardsRacingForTheLastPlace(_ place: CensusPlace) {
        var racesNotWonByExactlyOne = 0
        for _ in 0..<2_000 {
            let census = CallCensus()
            for _ in 0..<9 { _ = place.reserve(in: census, under: 10) }
            let winners = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                if place.reserve(in: census, under: 10) { winners.add(1, ordering: .relaxed) }
            }
            if winners.load(ordering: .relaxed) != 1 { racesNotWonByExactlyOne += 1 }
            #expect(place.count(in: census) == 10)
        }
        #expect(racesNotWonByExactlyOne == 0)
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

/// The two places a census counts, for the races over the last one.
enum CensusPlace: CaseIterable, CustomTestStringConvertible {
    case call, waiting

    func reserve(in census: CallCensus, under limit: Int) -> Bool {
        self == .call ? census.reserve(under: limit) : census.reserveWaiting(under: limit)
    }

    func count(in census: CallCensus) -> Int {
        self == .call ? census.callCount : census.waitingCount
    }

    var testDescription: String { self == .call ? "a call's place" : "a waiting place" }
}
