/// A Fenwick (binary indexed) tree of non-negative weights: O(log n) update and weighted draw.
///
/// The random strategies keep one per tier/penalty level: a member's weight is its share while it
/// is eligible and 0 otherwise, so a draw never scans the members.
struct FenwickTree: Sendable {
    private var sums: [Int64]
    private(set) var total: Int64 = 0
    private let topBit: Int

    /// A tree of `count` slots, all weight 0.
    init(count: Int) {
        sums = Array(repeating: 0, count: count + 1)
        var bit = 1
        while bit * 2 <= count { bit *= 2 }
        topBit = count == 0 ? 0 : bit
    }

    /// Adds `delta` to the weight of `index`.
    mutating func add(_ delta: Int64, at index: Int) {
        total += delta
        var position = index + 1
        while position < sums.count {
            sums[position] += delta
            position += position & -position
        }
    }

    /// The slot whose cumulative weight range contains `target` (0 ≤ target < ``total``).
    func slot(containing target: Int64) -> Int {
        var position = 0
        var remaining = target
        var bit = topBit
        while bit > 0 {
            let next = position + bit
            if next < sums.count, sums[next] <= remaining {
                position = next
                remaining -= sums[next]
            }
            bit >>= 1
        }
        return position
    }
}
