@testable import B2BUA
import Testing

@Suite("ShortMap: a call's few attempts and forks, read and changed in place")
struct ShortMapTests {
    private struct Entry: Equatable {
        var name: String
        var count = 0
        var forks = ShortMap<String, Int>()

        static func == (left: Entry, right: Entry) -> Bool { left.name == right.name && left.count == right.count }
    }

    @Test("Setting inserts in order, replaces in place and removes with nil")
    func insertReplaceRemove() {
        var map = ShortMap<Int, Entry>()
        map[2] = Entry(name: "two")
        map[1] = Entry(name: "one")
        map[3] = Entry(name: "three")
        #expect(map.keys == [2, 1, 3])
        map[1] = Entry(name: "uno")
        #expect(map.keys == [2, 1, 3])
        #expect(map[1]?.name == "uno")
        map[2] = nil
        #expect(map.keys == [1, 3])
        #expect(map.count == 2)
        #expect(map[2] == nil)
        map[4] = nil
        #expect(map.keys == [1, 3])
        #expect(Array(map.values.map(\.name)) == ["uno", "three"])
    }

    @Test("A field, and a nested map's entry, change where they are stored")
    func changesInPlace() {
        var map = ShortMap<Int, Entry>()
        map[7] = Entry(name: "seven")
        map[7]?.count += 2
        map[7]?.forks["a"] = 1
        map[7]?.forks["b"] = 2
        map[7]?.forks["a"] = nil
        map[8]?.count = 5
        #expect(map[7]?.count == 2)
        #expect(map[7]?.forks.keys == ["b"])
        #expect(map[7]?.forks["b"] == 2)
        #expect(map[8] == nil)
        #expect(map.keys == [7])
    }

    @Test("firstKey finds the first entry, in insertion order, whose value matches")
    func firstKey() {
        var map = ShortMap<Int, Entry>()
        map[5] = Entry(name: "x", count: 1)
        map[6] = Entry(name: "y", count: 1)
        #expect(map.firstKey { $0.count == 1 } == 5)
        #expect(map.firstKey { $0.name == "y" } == 6)
        #expect(map.firstKey { $0.count == 9 } == nil)
    }
}
