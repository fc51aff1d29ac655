/// The live transactions of a shell by key: a hash table with O(1) average lookup, insertion and removal,
/// where libosip2 searches lists.
public struct TransactionTable<Value> {
    private var entries: [TransactionKey: Value] = [:]

    /// Creates an empty table.
    public init() {}

    /// The number of transactions held.
    public var count: Int { entries.count }

    /// Whether the table holds no transaction.
    public var isEmpty: Bool { entries.isEmpty }

    /// The transaction for `key`; setting a value inserts or replaces it, setting nil removes it.
    /// Mutating through it (`table[key]?.timerFired(.timerA)`) updates the stored transaction.
    public subscript(key: TransactionKey) -> Value? {
        get { entries[key] }
        set {
            entries[key] = newValue
            if newValue == nil { entries.releaseUnusedCapacity() }
        }
    }

    /// Removes the transaction for `key` and returns it, or nil when there was none.
    @discardableResult
    public mutating func removeValue(for key: TransactionKey) -> Value? {
        defer { entries.releaseUnusedCapacity() }
        return entries.removeValue(forKey: key)
    }
}

extension TransactionTable: Sendable where Value: Sendable {}
