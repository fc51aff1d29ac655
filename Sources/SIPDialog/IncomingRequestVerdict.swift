/// What a dialog decides about a request the peer sent in it (RFC 3261 §12.2.2).
public enum IncomingRequestVerdict: Hashable, Sendable {
    /// The request belongs to the dialog and is in order; the dialog state has been updated.
    case accept
    /// The request must be answered with this status code and reason phrase, and not processed.
    case reject(statusCode: Int, reasonPhrase: String)
}
