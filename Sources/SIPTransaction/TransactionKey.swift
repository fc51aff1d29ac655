/// The key of a client or a server transaction, so one `TransactionTable` can hold both sides. A
/// client and a server transaction never share a key: a client key's text holds one space
/// (`branch method`), a branch-rule server key's two (`branch host:port method`), and an RFC 2543
/// server key has no text but its fields.
///
/// A string and an optional reference rather than an enum of the two keys: a hash-table probe then
/// compares a stored key in place, where matching an enum's payloads copied them out first, a
/// retain and a release per probe.
public struct TransactionKey: Hashable, Sendable {
    /// The client or server key's text; empty for an RFC 2543 key.
    @usableFromInline let text: String
    /// An RFC 2543 server key's fields; nil for every other key.
    @usableFromInline let fields: RFC2543TransactionFields?

    /// The key of a client transaction (RFC 3261 §17.1.3).
    public static func client(_ key: ClientTransactionKey) -> TransactionKey {
        TransactionKey(text: key.text, fields: nil)
    }

    /// The key of a server transaction (RFC 3261 §17.2.3).
    public static func server(_ key: ServerTransactionKey) -> TransactionKey {
        TransactionKey(text: key.text, fields: key.fields)
    }

    /// Whether both keys name the same transaction. Inlinable, so a table probe compares the stored
    /// key where it lies instead of copying it for a call into this module.
    @inlinable public static func == (left: TransactionKey, right: TransactionKey) -> Bool {
        left.text == right.text && left.fields == right.fields
    }

    /// Hashes the key's text and, for an RFC 2543 key, its fields.
    @inlinable public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        if let fields { hasher.combine(fields) }
    }
}
