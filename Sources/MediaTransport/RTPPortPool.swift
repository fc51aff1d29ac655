/// The local RTP ports of the media edge: the even ports of a configured range, each handed out once
/// until it is released. RTCP takes the odd port above (RFC 3550 §11), so a port is in the pool only
/// when that odd port is in the range too.
///
/// Released ports go to the back of the line: a port just freed is the last one handed out again, so
/// late packets of an ended call are unlikely to reach the next one.
public struct RTPPortPool: Hashable, Sendable {
    /// The configured range.
    public let range: ClosedRange<Int>
    /// Every port the pool can hand out: the even ports of `range` whose RTCP port is in it too.
    public let capacity: Int
    private var queue: [Int]
    private var head = 0
    private var inUse: Set<Int> = []

    /// Creates a pool over the even ports of `range`; nil when the range lies outside 1…65535 or holds
    /// no even port whose odd neighbour is in it too.
    public init?(range: ClosedRange<Int>) {
        guard range.lowerBound >= 1, range.upperBound <= 65_535 else { return nil }
        let first = range.lowerBound + range.lowerBound % 2
        let ports = Array(stride(from: first, to: range.upperBound, by: 2))
        guard !ports.isEmpty else { return nil }
        self.range = range
        capacity = ports.count
        queue = ports
    }

    /// The ports free to hand out.
    public var availableCount: Int { queue.count - head }

    /// The ports handed out and not yet released.
    public var allocatedCount: Int { inUse.count }

    /// Whether `port` is handed out now.
    public func isAllocated(_ port: Int) -> Bool { inUse.contains(port) }

    /// The next free port, now handed out; nil when every port is in use.
    public mutating func allocate() -> Int? {
        guard head < queue.count else { return nil }
        let port = queue[head]
        head += 1
        if head >= 64, head * 2 >= queue.count {
            queue.removeFirst(head)
            head = 0
        }
        inUse.insert(port)
        return port
    }

    /// Gives `port` back; false (and nothing changes) when it was not handed out.
    @discardableResult
    public mutating func release(_ port: Int) -> Bool {
        guard inUse.remove(port) != nil else { return false }
        queue.append(port)
        return true
    }
}
