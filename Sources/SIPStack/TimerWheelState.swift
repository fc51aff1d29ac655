import SIPTransaction

/// A hashed timing wheel (Varghese & Lauck): O(1) to start, cancel and expire a timer, whatever how
/// many are pending. SIP keeps tens of thousands of timers alive (Timers B, F, H, L, M, ring and
/// session timers, one set per call), and an event loop's own scheduler cancels by linear search;
/// this keeps the message path flat. Pure: time is a tick count the shell passes in.
///
/// ```
///  slot = due tick mod slotCount, rounds = full turns left      cancel = drop the id's entry
///  ┌───┬───┬───┬───┬───┐                                        advance(to:) visits each slot once
///  │ 0 │ 1 │ 2 │ … │N-1│ ◄── cursor moves one slot per tick      per tick: rounds 0 fires, others -1
///  └───┴───┴───┴───┴───┘
/// ```
public struct TimerWheelState<Payload> {
    private struct Entry {
        var id: UInt64
        var rounds: Int
    }

    private var slots: [[Entry]]
    private var payloads: [UInt64: Payload] = [:]
    private var currentTick: Int64
    private var nextID: UInt64 = 1

    /// Creates a wheel with `slotCount` slots whose clock stands at `tick`.
    public init(slotCount: Int = 4096, tick: Int64 = 0) {
        precondition(slotCount > 0)
        slots = Array(repeating: [], count: slotCount)
        currentTick = tick
    }

    /// The tick the wheel has advanced to.
    public var tick: Int64 { currentTick }

    /// Timers started and neither fired nor cancelled.
    public var pendingCount: Int { payloads.count }

    /// Starts a timer that fires `delay` ticks from now (at least one), returning its id.
    public mutating func schedule(after delay: Int64, _ payload: Payload) -> UInt64 {
        let id = nextID
        nextID += 1
        let due = currentTick + max(1, delay)
        let slot = Int(due % Int64(slots.count))
        let rounds = Int((due - currentTick - 1) / Int64(slots.count))
        slots[slot].append(Entry(id: id, rounds: rounds))
        payloads[id] = payload
        return id
    }

    /// Cancels a timer; nothing happens when it already fired or was cancelled.
    public mutating func cancel(_ id: UInt64) {
        payloads[id] = nil
        payloads.releaseUnusedCapacity()
    }

    /// Advances the clock to `tick` and returns the payloads of the timers due by then, in due order.
    public mutating func advance(to tick: Int64) -> [Payload] {
        var fired: [Payload] = []
        while currentTick < tick {
            currentTick += 1
            let slot = Int(currentTick % Int64(slots.count))
            guard !slots[slot].isEmpty else { continue }
            var kept: [Entry] = []
            for entry in slots[slot] where payloads[entry.id] != nil {
                if entry.rounds == 0 {
                    if let payload = payloads.removeValue(forKey: entry.id) { fired.append(payload) }
                } else {
                    kept.append(Entry(id: entry.id, rounds: entry.rounds - 1))
                }
            }
            slots[slot] = kept
        }
        if !fired.isEmpty { payloads.releaseUnusedCapacity() }
        return fired
    }
}
