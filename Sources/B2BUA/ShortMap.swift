/// A map for the few entries a call holds (its B-leg attempts, the forks that answered one: one to
/// three in practice), kept as a list in insertion order and searched in that order. A hash table
/// keeps room for twice its entries, and a call's entries are large (whole messages and dialogs).
struct ShortMap<Key: Equatable, Value> {
    private var entries: [(key: Key, value: Value)] = []

    /// The value for `key`; setting a value inserts or replaces it, setting nil removes it.
    subscript(key: Key) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    /// The number of entries.
    var count: Int { entries.count }

    /// The keys, in insertion order.
    var keys: LazyMapSequence<[(key: Key, value: Value)], Key> { entries.lazy.map(\.key) }

    /// The values, in insertion order.
    var values: LazyMapSequence<[(key: Key, value: Value)], Value> { entries.lazy.map(\.value) }

    /// The first entry that satisfies `predicate`.
    func first(where predicate: ((key: Key, value: Value)) -> Bool) -> (key: Key, value: Value)? {
        entries.first(where: predicate)
    }
}
