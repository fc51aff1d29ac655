@testable import Switchboard
private import CJemalloc
import Testing

@Suite("MemoryTrimmer: the daemon allocates through jemalloc and purges it")
struct MemoryTrimmerTests {
    /// The bytes jemalloc has handed this thread so far (`thread.allocated`).
    private static func allocatedByThisThread() -> UInt64 {
        var value: UInt64 = 0
        var size = MemoryLayout<UInt64>.size
        #expect(mallctl("thread.allocated", &value, &size, nil, 0) == 0)
        return value
    }

    @Test("Swift's allocations go through jemalloc, which purges every arena on demand once memory was freed")
    func purgesEveryArena() {
        let before = Self.allocatedByThisThread()
        var block = [UInt8](repeating: 7, count: 1 << 20)
        block[0] = 1
        #expect(Self.allocatedByThisThread() - before >= 1 << 20, "the megabyte just allocated is counted by jemalloc")
        block = []
        #expect(MemoryTrimmer.purge(), "mallctl(\"arena.4096.purge\") succeeds only under jemalloc")
    }
}
