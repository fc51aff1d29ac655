import DequeModule

/// A map whose entries expire: rejoin positions of abandoned callers, last agents of callers.
///
/// Entries are appended in the order they were stored; pruning pops expired ones from the front,
/// so it costs O(1) amortized per entry and nothing scans the map.
struct ExpiringMemory<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private var entries: [Key: (value: Value, expiry: ACDInstant)] = [:]
    private var order: Deque<(key: Key, expiry: ACDInstant)> = []

    /// Stores `value` for `key` until `expiry` (replacing an earlier value).
    mutating func store(_ value: Value, for key: Key, until expiry: ACDInstant) {
        entries[key] = (value, expiry)
        order.append((key, expiry))
    }

    /// The value for `key` if it has not expired at `now`.
    func value(for key: Key, at now: ACDInstant) -> Value? {
        guard let entry = entries[key], now < entry.expiry else { return nil }
        return entry.value
    }

    /// Forgets `key`.
    mutating func remove(_ key: Key) {
        entries[key] = nil
    }

    /// The live entries, each rewritten by `transform` (or dropped when it returns `nil`), in the
    /// order they were stored and with their expiries.
    func remapped<NewKey: Hashable & Sendable, NewValue: Sendable>(
        _ transform: (Key, Value) -> (NewKey, NewValue)?
    ) -> ExpiringMemory<NewKey, NewValue> {
        var remapped = ExpiringMemory<NewKey, NewValue>()
        for (key, expiry) in order {
            guard let entry = entries[key], entry.expiry == expiry, let (newKey, newValue) = transform(key, entry.value) else { continue }
            remapped.store(newValue, for: newKey, until: expiry)
        }
        return remapped
    }

    /// Drops every entry that expired at `now`.
    mutating func prune(at now: ACDInstant) {
        while let first = order.first, first.expiry <= now {
            order.removeFirst()
            if let entry = entries[first.key], entry.expiry == first.expiry {
                entries[first.key] = nil
            }
        }
    }
}
