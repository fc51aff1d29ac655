import HeapModule

/// The agent side of one queue: its members and, per tier/penalty level, the eligible ones.
///
/// Hot-path structure: members are grouped in levels sorted by (tier, penalty). Each level keeps
/// the eligible members either in a min-heap keyed by the strategy's sort key (ordered
/// strategies) or in a ``FenwickTree`` of weights (random strategies). A member leaving
/// eligibility only bumps its version, and its heap entry is dropped when it reaches the top
/// (lazy deletion, compacted when stale entries outnumber live ones). Selection looks at the top
/// of the lowest allowed level: O(log n); a caller with skills walks past unqualified members in
/// rank order, O(k log n) for k skipped members.
struct QueueRoster: Sendable {
    /// One membership and its live counters.
    struct Member: Sendable {
        /// The agent's index in the engine.
        let agent: Int
        /// Configured tier.
        let tier: Int
        /// The member's weight in a draw (1 for random, the configured weight for weighted-random).
        let drawWeight: Int64
        /// Index of the member's (tier, penalty) level.
        let level: Int
        /// Answered calls in this queue (fewest-calls).
        var answered: Int64 = 0
        /// Talk time in this queue (least-talk-time).
        var talkNanoseconds: Int64 = 0
        /// Whether the member is eligible now.
        var isReady = false
        /// Version of the member's heap entry; older entries are stale.
        var version: UInt32 = 0
        /// The primary key it was inserted with (round-robin reads the round from it).
        var primary: Int64 = 0
    }

    /// A heap entry: strategy key, then member index; stale when the version moved on.
    struct Entry: Comparable, Sendable {
        var primary: Int64
        var secondary: Int64
        var member: Int32
        var version: UInt32

        static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.primary, lhs.secondary, lhs.member) < (rhs.primary, rhs.secondary, rhs.member)
        }

        static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.member == rhs.member && lhs.version == rhs.version
        }
    }

    private(set) var members: [Member]
    /// The tier of each level, ascending.
    private(set) var levelTiers: [Int]
    /// Eligible members now.
    private(set) var readyCount = 0
    private var heaps: [Heap<Entry>]
    private var liveInLevel: [Int]
    private var trees: [FenwickTree]
    private let sampled: Bool

    /// A roster of `configured` members; `strategy` decides between heaps and draws.
    init(members configured: [(agent: Int, member: QueueMember)], strategy: RoutingStrategy) {
        let levels = Set(configured.map { LevelKey(tier: $0.member.tier, penalty: $0.member.penalty) }).sorted()
        let levelIndex = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
        members = configured.map { entry in
            let key = LevelKey(tier: entry.member.tier, penalty: entry.member.penalty)
            let weight = strategy == .weightedRandom ? Int64(entry.member.weight) : 1
            return Member(agent: entry.agent, tier: key.tier, drawWeight: weight, level: levelIndex[key] ?? 0)
        }
        levelTiers = levels.map(\.tier)
        sampled = strategy.isSampled
        heaps = sampled ? [] : Array(repeating: Heap(), count: levels.count)
        liveInLevel = Array(repeating: 0, count: levels.count)
        trees = sampled ? Array(repeating: FenwickTree(count: configured.count), count: levels.count) : []
    }

    /// The number of levels whose tier is at most `tier` (levels are sorted by tier).
    func levelCount(upToTier tier: Int) -> Int {
        var count = 0
        while count < levelTiers.count, levelTiers[count] <= tier { count += 1 }
        return count
    }

    /// Makes `member` eligible with the strategy key (`primary`, `secondary`).
    mutating func insert(_ member: Int, primary: Int64, secondary: Int64) {
        guard !members[member].isReady else { return }
        members[member].isReady = true
        members[member].version &+= 1
        members[member].primary = primary
        readyCount += 1
        let level = members[member].level
        liveInLevel[level] += 1
        if sampled {
            trees[level].add(members[member].drawWeight, at: member)
        } else {
            heaps[level].insert(Entry(primary: primary, secondary: secondary, member: Int32(member), version: members[member].version))
        }
    }

    /// Makes `member` ineligible.
    mutating func remove(_ member: Int) {
        guard members[member].isReady else { return }
        members[member].isReady = false
        members[member].version &+= 1
        readyCount -= 1
        let level = members[member].level
        liveInLevel[level] -= 1
        if sampled {
            trees[level].add(-members[member].drawWeight, at: member)
        } else if heaps[level].count > 2 * liveInLevel[level] + 32 {
            let snapshot = members
            heaps[level].removeAll { !Self.isLive($0, in: snapshot) }
        }
    }

    /// Records an answered call of `member` (fewest-calls).
    mutating func recordAnswer(of member: Int) {
        members[member].answered += 1
    }

    /// Sets `member`'s counters (a reconfigured engine carrying them over).
    mutating func restoreCounters(of member: Int, answered: Int64, talkNanoseconds: Int64) {
        members[member].answered = answered
        members[member].talkNanoseconds = talkNanoseconds
    }

    /// Records talk time of `member` (least-talk-time).
    mutating func recordTalk(_ nanoseconds: Int64, of member: Int) {
        members[member].talkNanoseconds += nanoseconds
    }

    /// The best eligible member of the first `levels` levels whose agent `accept` takes, or `nil`.
    ///
    /// Ordered levels are walked in rank order (members `accept` refuses are put back); sampled
    /// levels draw by weight, setting refused members aside for the rest of the draw.
    mutating func select(levels: Int, using generator: inout some RandomNumberGenerator, accept: (Int) -> Bool) -> Int? {
        for level in 0..<min(levels, levelTiers.count) where liveInLevel[level] > 0 {
            let found = sampled ? draw(level, using: &generator, accept: accept) : walk(level, accept: accept)
            if let found { return found }
        }
        return nil
    }

    /// The eligible members of the first `levels` levels whose agent `accept` takes, in member order.
    func allReady(levels: Int, accept: (Int) -> Bool) -> [Int] {
        members.indices.filter { members[$0].isReady && members[$0].level < levels && accept(members[$0].agent) }
    }

    private mutating func walk(_ level: Int, accept: (Int) -> Bool) -> Int? {
        var refused: [Entry] = []
        defer { for entry in refused { heaps[level].insert(entry) } }
        while let top = heaps[level].min {
            let member = Int(top.member)
            guard Self.isLive(top, in: members) else {
                heaps[level].removeMin()
                continue
            }
            if accept(members[member].agent) { return member }
            refused.append(heaps[level].removeMin())
        }
        return nil
    }

    private mutating func draw(_ level: Int, using generator: inout some RandomNumberGenerator, accept: (Int) -> Bool) -> Int? {
        var refused: [Int] = []
        defer { for member in refused { trees[level].add(members[member].drawWeight, at: member) } }
        while trees[level].total > 0 {
            let member = trees[level].slot(containing: Int64.random(in: 0..<trees[level].total, using: &generator))
            if accept(members[member].agent) { return member }
            refused.append(member)
            trees[level].add(-members[member].drawWeight, at: member)
        }
        return nil
    }

    private static func isLive(_ entry: Entry, in members: [Member]) -> Bool {
        let member = members[Int(entry.member)]
        return member.isReady && member.version == entry.version
    }

    private struct LevelKey: Hashable, Comparable {
        var tier: Int
        var penalty: Int

        static func < (lhs: LevelKey, rhs: LevelKey) -> Bool {
            (lhs.tier, lhs.penalty) < (rhs.tier, rhs.penalty)
        }
    }
}
