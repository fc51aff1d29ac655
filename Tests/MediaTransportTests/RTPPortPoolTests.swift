import MediaTransport
import Testing

@Suite("RTP port pool")
struct RTPPortPoolTests {
    @Test("hands out the even ports whose RTCP port is in the range too")
    func evenPorts() throws {
        var pool = try #require(RTPPortPool(range: 10_001...10_010))
        #expect(pool.capacity == 4)
        let ports = (0..<4).compactMap { _ in pool.allocate() }
        #expect(ports == [10_002, 10_004, 10_006, 10_008])
        let exhausted = pool.allocate()
        #expect(exhausted == nil)
    }

    @Test("a range without an even port and its odd neighbour, or outside 1…65535, is no pool")
    func emptyRanges() {
        #expect(RTPPortPool(range: 10_000...10_000) == nil)
        #expect(RTPPortPool(range: 10_001...10_002) == nil)
        #expect(RTPPortPool(range: 0...10) == nil)
        #expect(RTPPortPool(range: 65_534...65_536) == nil)
        #expect(RTPPortPool(range: 65_534...65_535)?.capacity == 1)
    }

    @Test("never hands out a port twice while it is in use; exhausted, it returns nil")
    func neverTwice() throws {
        var pool = try #require(RTPPortPool(range: 20_000...20_999))
        var seen: Set<Int> = []
        while let port = pool.allocate() {
            #expect(seen.insert(port).inserted)
            #expect(pool.isAllocated(port))
        }
        #expect(seen.count == 500)
        #expect(pool.availableCount == 0)
        #expect(pool.allocatedCount == 500)
    }

    @Test("a released port comes back last; releasing a port not handed out changes nothing")
    func release() throws {
        var pool = try #require(RTPPortPool(range: 30_000...30_005))
        let allocated = pool.allocate()
        let first = try #require(allocated)
        let releases = [pool.release(first), pool.release(first), pool.release(30_001)]
        #expect(releases == [true, false, false])
        let next = (0..<4).map { _ in pool.allocate() }
        #expect(next == [30_002, 30_004, first, nil])
    }

    @Test("allocations and releases over many rounds keep every port accounted for")
    func manyRounds() throws {
        var pool = try #require(RTPPortPool(range: 40_000...40_199))
        var held: [Int] = []
        for round in 0..<1_000 {
            if round % 3 == 2, !held.isEmpty {
                let released = pool.release(held.removeFirst())
                #expect(released)
            } else if let port = pool.allocate() {
                #expect(!held.contains(port))
                held.append(port)
            }
            #expect(pool.allocatedCount + pool.availableCount == pool.capacity)
            #expect(pool.allocatedCount == held.count)
        }
    }
}
