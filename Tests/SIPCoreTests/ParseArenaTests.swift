import CParseArena
import SIPCore
import Testing

/// The parse arena libosip2 allocates from during a parse: room reused after each parse, blocks that
/// survive a realloc, nested parses, chunks beyond the first, and the C library's allocator outside.
@Suite("Parse arena")
struct ParseArenaTests {
    @Test("the room a parse took is taken again by the next one")
    func roomReused() throws {
        cparse_arena_begin()
        let first = try #require(cparse_arena_malloc(64))
        cparse_arena_end()
        cparse_arena_begin()
        let second = try #require(cparse_arena_malloc(64))
        cparse_arena_end()
        #expect(first == second)
    }

    @Test("a nested end releases nothing: the outermost end does")
    func nested() throws {
        cparse_arena_begin()
        cparse_arena_begin()
        let inner = try #require(cparse_arena_malloc(16))
        cparse_arena_end()
        let after = try #require(cparse_arena_malloc(16))
        cparse_arena_end()
        #expect(inner != after)
    }

    @Test("realloc moves an arena block with its bytes into a chunk beyond the first, which the end releases")
    func reallocKeepsBytes() throws {
        cparse_arena_begin()
        let block = try #require(cparse_arena_malloc(4)).assumingMemoryBound(to: UInt8.self)
        block.initialize(from: [1, 2, 3, 4], count: 4)
        let moved = try #require(cparse_arena_realloc(block, 100_000)).assumingMemoryBound(to: UInt8.self)
        #expect(Array(UnsafeBufferPointer(start: moved, count: 4)) == [1, 2, 3, 4])
        moved[99_999] = 9
        cparse_arena_free(moved)
        cparse_arena_end()
        cparse_arena_begin()
        let again = try #require(cparse_arena_malloc(4))
        cparse_arena_end()
        #expect(again == UnsafeMutableRawPointer(block))
    }

    @Test("a block from before an arena stays the C library's inside it: realloc and free go there")
    func foreignBlock() throws {
        let block = try #require(cparse_arena_malloc(4)).assumingMemoryBound(to: UInt8.self)
        block.initialize(from: [1, 2, 3, 4], count: 4)
        cparse_arena_begin()
        let grown = try #require(cparse_arena_realloc(block, 64)).assumingMemoryBound(to: UInt8.self)
        cparse_arena_end()
        #expect(Array(UnsafeBufferPointer(start: grown, count: 4)) == [1, 2, 3, 4])
        cparse_arena_begin()
        let first = try #require(cparse_arena_malloc(64))
        // Freed by the C library, or scripts/valgrind-parser reports it lost.
        cparse_arena_free(grown)
        cparse_arena_end()
        #expect(first != UnsafeMutableRawPointer(grown))
    }

    @Test("messages parsed at once on many threads, each in its own arena, read the same")
    func concurrentParses() async throws {
        let bytes = SIPParseErrorTests.message(replacing: "Contact", with: "Contact: <sip:a@192.0.2.1>")
        let expected = try SIPMessage(parsing: bytes)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<200).count { _ in (try? SIPMessage(parsing: bytes)) != expected } }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
