import HeapModule

/// The caller side of one queue: waiting callers in priority and arrival order.
///
/// Callers are kept in classes of equal priority and equal skill requirements, each a min-heap
/// by arrival order (a caller who keeps their position keeps their original order key). Within a
/// class, a caller who arrived earlier has waited longer and so has at least as wide a pool
/// (tier and skill widening only grow with the wait): if the head of a class cannot be served,
/// no one behind it can, so the dispatcher looks at class heads only, O(classes). Removal is lazy
/// like the roster's: a caller's token changes and the stale entry is dropped at the top.
struct WaitingLine: Sendable {
    /// A waiting caller's place: order key, then the caller's slot and line token.
    struct Entry: Comparable, Sendable {
        var order: Int64
        var sequence: UInt64
        var slot: Int32
        var token: UInt64

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.order, lhs.sequence) < (rhs.order, rhs.sequence)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.token == rhs.token
        }
    }

    /// Callers of one priority and one skill signature.
    struct Class: Sendable {
        let priority: Int
        var heap = Heap<Entry>()
        var live = 0
    }

    private struct ClassKey: Hashable {
        var priority: Int
        var signature: Int
    }

    private(set) var classes: [Class] = []
    private var classIndex: [ClassKey: Int] = [:]
    private var countByPriority: [Int: Int] = [:]
    /// Waiting callers now.
    private(set) var count = 0

    /// Adds a caller; returns the class it joined.
    mutating func insert(_ entry: Entry, priority: Int, signature: Int) -> Int {
        let key = ClassKey(priority: priority, signature: signature)
        let index: Int
        if let existing = classIndex[key] {
            index = existing
        } else {
            index = classes.count
            classes.append(Class(priority: priority))
            classIndex[key] = index
        }
        classes[index].heap.insert(entry)
        classes[index].live += 1
        countByPriority[priority, default: 0] += 1
        count += 1
        return index
    }

    /// Forgets a caller of class `index` (its entry goes stale; `isLive` judges entries when compacting).
    mutating func remove(fromClass index: Int, isLive: (Entry) -> Bool) {
        classes[index].live -= 1
        countByPriority[classes[index].priority, default: 1] -= 1
        count -= 1
        if classes[index].heap.count > 2 * classes[index].live + 32 {
            classes[index].heap.removeAll { !isLive($0) }
        }
    }

    /// The first live entry of class `index`, dropping stale ones.
    mutating func head(ofClass index: Int, isLive: (Entry) -> Bool) -> Entry? {
        while let top = classes[index].heap.min {
            if isLive(top) { return top }
            classes[index].heap.removeMin()
        }
        return nil
    }

    /// The live entries of class `index` in order (a scan: only for callers with personal exclusions).
    func orderedEntries(ofClass index: Int, isLive: (Entry) -> Bool) -> [Entry] {
        classes[index].heap.unordered.filter(isLive).sorted()
    }

    /// Callers with a higher priority than `priority`, plus those of equal priority ahead of
    /// `entry` (all of them when `isNewest`, else counted by scanning that priority's classes).
    func position(of entry: Entry, priority: Int, isNewest: Bool, isLive: (Entry) -> Bool) -> Int {
        var ahead = countByPriority.reduce(0) { $0 + ($1.key > priority ? $1.value : 0) }
        if isNewest {
            ahead += countByPriority[priority] ?? 0
        } else {
            for lane in classes where lane.priority == priority {
                ahead += lane.heap.unordered.count { isLive($0) && $0 < entry && $0.token != entry.token }
            }
        }
        return ahead + 1
    }
}
