/// What can go wrong between Switchboard and Microsoft Graph.
public enum GraphPresenceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A setting is missing or invalid; the text names it.
    case configuration(String)
    /// The token endpoint refused the request (`invalid_client`, `unauthorized_client`, ...).
    case tokenRejected(status: Int, error: String, description: String)
    /// Graph answered `401` even with a freshly fetched token.
    case unauthorized(code: String)
    /// Graph answered `429`: the app is over its request limit.
    case throttled(retryAfter: Duration?)
    /// Graph answered `503`, `504` or another `5xx`.
    case serviceUnavailable(status: Int, retryAfter: Duration?)
    /// Graph refused the request itself (`400`, `403`, `404`, ...).
    case rejected(status: Int, code: String, message: String)
    /// A batch had more ids than Graph accepts in one request.
    case tooManyIDs(Int)
    /// The answer was not the JSON Graph documents.
    case malformedResponse(String)
    /// No answer: connection refused, timeout, TLS failure.
    case transport(String)

    /// The `Retry-After` Graph asked for, if any.
    public var retryAfter: Duration? {
        switch self {
        case .throttled(let retryAfter), .serviceUnavailable(_, let retryAfter): retryAfter
        default: nil
        }
    }

    /// Whether the failure means Graph could not be used (as opposed to being busy: `429`).
    public var countsAsOutage: Bool {
        if case .throttled = self { return false }
        return true
    }

    /// A one-line explanation, never containing a secret or a token.
    public var description: String {
        switch self {
        case .configuration(let text): "Graph configuration: \(text)"
        case .tokenRejected(let status, let error, let description):
            "token endpoint answered \(status) \(error): \(description)"
        case .unauthorized(let code): "Graph answered 401 \(code) with a fresh token"
        case .throttled(let retryAfter): "Graph answered 429, Retry-After \(retryAfter.map { "\($0)" } ?? "absent")"
        case .serviceUnavailable(let status, let retryAfter):
            "Graph answered \(status), Retry-After \(retryAfter.map { "\($0)" } ?? "absent")"
        case .rejected(let status, let code, let message): "Graph answered \(status) \(code): \(message)"
        case .tooManyIDs(let count): "\(count) ids in one request, Graph accepts at most 650"
        case .malformedResponse(let text): "unexpected answer from Graph: \(text)"
        case .transport(let text): "no answer from Graph: \(text)"
        }
    }
}
