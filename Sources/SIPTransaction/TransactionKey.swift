/// The key of a client or a server transaction, so one `TransactionTable` can hold both sides;
/// a client and a server transaction never share a key.
public enum TransactionKey: Hashable, Sendable {
    /// A client transaction (RFC 3261 §17.1.3).
    case client(ClientTransactionKey)
    /// A server transaction (RFC 3261 §17.2.3).
    case server(ServerTransactionKey)
}
