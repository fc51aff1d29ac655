import HeapModule

extension ACDEngine {
    /// Which queue gets the next match when several queues could use the same agents.
    ///
    /// Without the global rule: higher queue weight first, then the better head caller. With
    /// ``ACDConfiguration/globalLongestWaitingFirst``: the head caller's priority, then its arrival
    /// moved earlier by the queue's weight times ``ACDConfiguration/weightHeadStart`` — a bounded
    /// head start, so a low-weight queue's caller is served once it has waited that much longer.
    struct QueueTurn: Comparable {
        var keys: (Int64, Int64, Int64, UInt64)
        var queue: Int

        static func < (lhs: QueueTurn, rhs: QueueTurn) -> Bool {
            (lhs.keys.0, lhs.keys.1, lhs.keys.2, lhs.keys.3, lhs.queue) < (rhs.keys.0, rhs.keys.1, rhs.keys.2, rhs.keys.3, rhs.queue)
        }

        static func == (lhs: QueueTurn, rhs: QueueTurn) -> Bool {
            lhs.queue == rhs.queue && lhs.keys == rhs.keys
        }
    }

    /// Notes that `queue` may have a caller and an eligible agent to match.
    mutating func markDirty(_ queue: Int) {
        guard !isDirty[queue] else { return }
        isDirty[queue] = true
        dirtyQueues.append(queue)
    }

    /// Matches waiting callers with eligible agents until no changed queue has a possible match.
    ///
    /// Only queues touched by the event are considered, best turn first; a queue without
    /// eligible agents or waiting callers is dropped in O(1). Nothing is offered while offers are
    /// suspended: the changed queues stay marked for the resumption.
    mutating func dispatch(now: ACDInstant) {
        guard !offersSuspended else { return }
        servePreferredWaiters(now: now)
        while !dirtyQueues.isEmpty {
            var turns = Heap<QueueTurn>()
            for queue in dirtyQueues {
                isDirty[queue] = false
                if let turn = turn(of: queue) { turns.insert(turn) }
            }
            dirtyQueues.removeAll(keepingCapacity: true)
            while let turn = turns.popMin() {
                guard matchOne(in: turn.queue, now: now), let next = self.turn(of: turn.queue) else { continue }
                turns.insert(next)
            }
        }
    }

    /// The agents to offer the caller in `slot` now, or `nil` if no eligible agent suits it.
    mutating func selectAgents(in queue: Int, for slot: Int, now: ACDInstant) -> [Int]? {
        guard let caller = callers[slot] else { return nil }
        let wait = (now - caller.order).nanoseconds
        let levels = queues[queue].roster.levelCount(upToTier: queues[queue].allowedTier(afterWaiting: wait))
        guard levels > 0, queues[queue].roster.readyCount > 0 else { return nil }
        let reduction = queues[queue].skillReduction(afterWaiting: wait)
        let needs = caller.needs
        let declined = caller.declinedBy
        let agents = self.agents
        let accept: (Int) -> Bool = { agent in
            if !declined.isEmpty, declined.contains(agent) { return false }
            for need in needs where need.level - reduction > 0 && agents[agent].level(of: need.skill) < need.level - reduction {
                return false
            }
            return true
        }
        if queues[queue].configuration.strategy == .ringAll {
            let all = queues[queue].roster.allReady(levels: levels, accept: accept)
            return all.isEmpty ? nil : all
        }
        return queues[queue].roster.select(levels: levels, using: &generator, accept: accept).map { [$0] }
    }

    private mutating func turn(of queue: Int) -> QueueTurn? {
        guard queues[queue].roster.readyCount > 0, queues[queue].line.count > 0, let head = heads(of: queue).first else { return nil }
        let weight = Int64(queues[queue].configuration.weight)
        if configuration.globalLongestWaitingFirst {
            let headStart = weight &* configuration.weightHeadStart.nanoseconds
            return QueueTurn(keys: (-Int64(head.priority), head.entry.order &- headStart, 0, head.entry.sequence), queue: queue)
        }
        return QueueTurn(keys: (-weight, -Int64(head.priority), head.entry.order, head.entry.sequence), queue: queue)
    }

    /// The live head of every class of the queue, best first (priority, then order).
    private mutating func heads(of queue: Int) -> [(entry: WaitingLine.Entry, lane: Int, priority: Int)] {
        let snapshot = callers
        var heads: [(entry: WaitingLine.Entry, lane: Int, priority: Int)] = []
        for lane in queues[queue].line.classes.indices where queues[queue].line.classes[lane].live > 0 {
            if let entry = queues[queue].line.head(ofClass: lane, isLive: { snapshot[Int($0.slot)]?.lineToken == $0.token }) {
                heads.append((entry, lane, queues[queue].line.classes[lane].priority))
            }
        }
        heads.sort { (-$0.priority, $0.entry) < (-$1.priority, $1.entry) }
        return heads
    }

    /// Offers the best servable caller of `queue`; false when none can be served now.
    private mutating func matchOne(in queue: Int, now: ACDInstant) -> Bool {
        for head in heads(of: queue) {
            if let match = firstServable(in: queue, lane: head.lane, head: head.entry, now: now) {
                startOffer(match.slot, in: queue, members: match.members, now: now)
                return true
            }
        }
        return false
    }

    /// The first caller of a class that an eligible agent suits. Only the head is tried, unless
    /// callers at the head declined agents personally (then the class is walked past them).
    private mutating func firstServable(
        in queue: Int, lane: Int, head: WaitingLine.Entry, now: ACDInstant
    ) -> (slot: Int, members: [Int])? {
        let slot = Int(head.slot)
        if let members = selectAgents(in: queue, for: slot, now: now) { return (slot, members) }
        guard callers[slot]?.declinedBy.isEmpty == false else { return nil }
        let snapshot = callers
        for entry in queues[queue].line.orderedEntries(ofClass: lane, isLive: { snapshot[Int($0.slot)]?.lineToken == $0.token }).dropFirst() {
            let next = Int(entry.slot)
            if let members = selectAgents(in: queue, for: next, now: now) { return (next, members) }
            if callers[next]?.declinedBy.isEmpty != false { return nil }
        }
        return nil
    }

    /// Offers callers waiting for their preferred agent when that agent became eligible.
    private mutating func servePreferredWaiters(now: ACDInstant) {
        while let agent = pendingPreferred.popLast() {
            guard let waiters = preferredWaiters[agent] else { continue }
            let ordered = waiters.compactMap { slot in callers[slot].map { (slot, $0) } }
                .sorted { ($0.1.order, $0.1.sequence) < ($1.1.order, $1.1.sequence) }
            for (slot, caller) in ordered {
                guard let member = queues[caller.queue].memberIndex[agent], queues[caller.queue].roster.members[member].isReady else { continue }
                startOffer(slot, in: caller.queue, members: [member], now: now)
                break
            }
        }
    }
}
