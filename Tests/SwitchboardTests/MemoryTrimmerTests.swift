@testable import Switchboard
import Testing

@Suite("MemoryTrimmer: the daemon allocates through jemalloc and purges it")
struct MemoryTrimmerTests {
    @Test("jemalloc is linked in and purges every arena on demand, after memory was freed")
    func purgesEveryArena() {
        var blocks: [[UInt8]] = (0..<1_000).map { Array(repeating: UInt8(truncatingIfNeeded: $0), count: 4_096) }
        #expect(blocks.count == 1_000)
        blocks.removeAll()
        #expect(MemoryTrimmer.purge(), "mallctl(\"arena.4096.purge\") succeeds only under jemalloc")
    }
}
