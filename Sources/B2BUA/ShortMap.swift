/// A map for the few entries a call holds (its B-leg attempts, the forks that answered one: one to
/// three in practice), kept as a list in insertion order and searched in that order. A hash table
/// keeps room for twice its entries, and a call's entries are large (whole messages and dialogs), so
/// the subscript reads them where they are stored and changes them in place: no entry is copied out
/// and back to read a field or to set one (`_modify` moves the entry out and moves it back, each
/// with `take()`; assigning the local itself would copy the whole entry and then destroy the local).
struct ShortMap<Key: Equatable, Value> {
    private var entryKeys: [Key] = []
    /// The value of each of `entryKeys`; nil only while `subscript`'s `_modify` holds it.
    private var entryValues: [Value?] = []

    /// The value for `key`; setting a value inserts or replaces it, setting nil removes it.
    subscript(key: Key) -> Value? {
        _read {
            if let index = entryKeys.firstIndex(of: key) { yield entryValues[index] } else { yield nil }
        }
        _modify {
            if let index = entryKeys.firstIndex(of: key) {
                var value = entryValues[index].take()
                defer {
                    if value == nil {
                        entryKeys.remove(at: index)
                        entryValues.remove(at: index)
                    } else {
                        entryValues[index] = value.take()
                    }
                }
                yield &value
            } else {
                var value: Value?
                defer {
                    if value != nil {
                        entryKeys.append(key)
                        entryValues.append(value.take())
                    }
                }
                yield &value
            }
        }
    }

    /// The number of entries.
    var count: Int { entryKeys.count }

    /// The keys, in insertion order.
    var keys: [Key] { entryKeys }

    /// The values, in insertion order.
    var values: LazyMapSequence<LazyFilterSequence<LazyMapSequence<[Value?], Value?>>, Value> {
        entryValues.lazy.compactMap { $0 }
    }

    /// The key of the first entry whose value satisfies `predicate`, which reads the value where it is stored.
    func firstKey(where predicate: (Value) -> Bool) -> Key? {
        for index in entryKeys.indices {
            if let value = entryValues[index], predicate(value) { return entryKeys[index] }
        }
        return nil
    }
}
