import SIPCore

/// Identifies a client transaction: the matching rule of RFC 3261 §17.1.3 as a hashable value, so a response
/// finds its transaction with one hash lookup.
///
/// The key is the branch of the topmost Via and the CSeq method: a CANCEL shares its INVITE's branch but
/// is a transaction of its own. The branch is compared ignoring ASCII case (§7.3.1), like the server keys.
/// Both are folded into one string (`branch method`; neither holds a space), so a key is the size of
/// one string (a table slot holds it as a ``TransactionKey``: that string and a nil reference).
public struct ClientTransactionKey: Hashable, Sendable {
    /// `branch method`, the branch lowercased.
    let text: String

    /// The key of the transaction that sends `request`; nil when its topmost Via has no branch.
    public init?(request: SIPRequest) {
        self.init(request.headers)
    }

    /// The key of the transaction `response` answers; nil when its topmost Via has no branch.
    public init?(response: SIPResponse) {
        self.init(response.headers)
    }

    private init?(_ headers: SIPHeaders) {
        guard let branch = headers.via.first?.branch else { return nil }
        text = TransactionKeyText.client(branch: branch, method: headers.cseq.method.token)
            ?? branch.lowercased() + " " + headers.cseq.method.token
    }
}
