import SIPTransaction

/// A hashed timing wheel (Varghese & Lauck): O(1) to start a timer and to expire it, whatever how
/// many are pending. SIP keeps tens of thousands of timers alive (Timers B, F, H, L, M, ring and
/// session timers, one set per call), and an event loop's own scheduler cancels by linear search;
/// this keeps the message path flat. Pure: time is a tick count the shell passes in.
///
/// ```
///  slot = due tick mod slotCount, rounds = full turns left      id = sequence number and slot
///  ┌───┬───┬───┬───┬───┐                                        cancel = drop the entry from its slot
///  │ 0 │ 1 │ 2 │ … │N-1│ ◄── cursor moves one slot per tick      advance(to:) visits each slot once
///  └───┴───┴───┴───┴───┘                                        per tick: rounds 0 fires, others -1
/// ```
///
/// Each slot holds its timers with their payloads in one array, and a timer's id names its slot, so
/// no table from id to payload is kept: a pending timer costs one entry. Cancelling searches that one
/// slot, which holds the timers due in the same tick of every turn (a few dozen at most at 1,000
/// calls/s with 8,192 slots). A slot is rebuilt to its size each time the cursor passes, so the room
/// a flood of timers took is given back within one turn; a slot emptied keeps room for a few
/// entries (``keptCapacity``), so that the next timers due there allocate nothing.
public struct TimerWheelState<Payload> {
    private struct Entry {
        var payload: Payload
        var rounds: UInt32
        var id: UInt64
    }

    private static var slotBits: Int { 16 }

    /// The most entries an emptied slot keeps room for: at a few timers per slot, as at moderate call
    /// rates, a slot is then reused without an allocation; 4,096 slots keep at most a few hundred KB.
    static var keptCapacity: Int { 4 }

    private var slots: [[Entry]]
    private var currentTick: Int64
    private var nextSequence: UInt64 = 1
    private var pending = 0

    /// Creates a wheel with `slotCount` slots (at most 65,536) whose clock stands at `tick`.
    public init(slotCount: Int = 4096, tick: Int64 = 0) {
        precondition(slotCount > 0 && slotCount <= 1 << Self.slotBits)
        slots = Array(repeating: [], count: slotCount)
        currentTick = tick
    }

    /// The tick the wheel has advanced to.
    public var tick: Int64 { currentTick }

    /// Timers started and neither fired nor cancelled.
    public var pendingCount: Int { pending }

    /// The entries the slots have room for, pending or not: what the wheel holds besides its timers.
    var reservedEntries: Int { slots.reduce(0) { $0 + $1.capacity } }

    /// Starts a timer that fires `delay` ticks from now (at least one), returning its id (never zero).
    public mutating func schedule(after delay: Int64, _ payload: Payload) -> UInt64 {
        let due = currentTick + max(1, delay)
        let slot = Int(due % Int64(slots.count))
        let rounds = UInt32(clamping: (due - currentTick - 1) / Int64(slots.count))
        let id = nextSequence << Self.slotBits | UInt64(slot)
        nextSequence += 1
        slots[slot].append(Entry(payload: payload, rounds: rounds, id: id))
        pending += 1
        return id
    }

    /// Cancels a timer; nothing happens when it already fired or was cancelled. A slot it leaves
    /// empty gives its room back at once (the cursor passes empty slots by).
    public mutating func cancel(_ id: UInt64) {
        let slot = Int(id & (1 << Self.slotBits - 1))
        guard slot < slots.count, let index = slots[slot].firstIndex(where: { $0.id == id }) else { return }
        slots[slot].remove(at: index)
        if slots[slot].isEmpty { empty(slot) }
        pending -= 1
    }

    /// The tick at which the next pending timer fires; nil when none is pending. It looks at each
    /// slot at most once, in due order, and stops at the first timer due within the current turn.
    public var nextDueTick: Int64? {
        guard pending > 0 else { return nil }
        let count = Int64(slots.count)
        var earliest = Int64.max
        for distance in 1...count {
            let entries = slots[Int((currentTick + distance) % count)]
            guard let rounds = entries.lazy.map(\.rounds).min() else { continue }
            if rounds == 0 { return currentTick + distance }
            earliest = min(earliest, currentTick + distance + Int64(rounds) * count)
        }
        return earliest
    }

    /// Advances the clock to `tick` and returns the payloads of the timers due by then, in due order.
    public mutating func advance(to tick: Int64) -> [Payload] {
        var fired: [Payload] = []
        while currentTick < tick {
            currentTick += 1
            let slot = Int(currentTick % Int64(slots.count))
            guard !slots[slot].isEmpty else { continue }
            var kept: [Entry] = []
            for var entry in slots[slot] {
                if entry.rounds == 0 {
                    fired.append(entry.payload)
                } else {
                    entry.rounds -= 1
                    kept.append(entry)
                }
            }
            pending -= slots[slot].count - kept.count
            if kept.isEmpty { empty(slot) } else { slots[slot] = kept }
        }
        return fired
    }

    /// Empties a slot, keeping its room when it is small (``keptCapacity``) and giving it back otherwise.
    private mutating func empty(_ slot: Int) {
        if slots[slot].capacity <= Self.keptCapacity {
            slots[slot].removeAll(keepingCapacity: true)
        } else {
            slots[slot] = []
        }
    }
}
