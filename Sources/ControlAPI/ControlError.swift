import ControlModel
import Hummingbird

/// A request the control API refuses, with the status and JSON body it answers.
public enum ControlError: Error, Equatable, Sendable {
    /// No such queue, agent or call (404); `field` is the path parameter.
    case notFound(field: String, value: String)
    /// A missing or malformed value (400); `field` names it when there is one.
    case badRequest(field: String?, message: String)
    /// An action the current state does not allow (409).
    case conflict(field: String?, message: String)
    /// No bearer token, or the wrong one (401).
    case unauthorized
    /// The path exists, the method does not (405); `allowed` lists the methods it has.
    case methodNotAllowed(allowed: [String])
    /// The daemon cannot answer now (503), for example while it stops.
    case unavailable(String)

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .notFound: .notFound
        case .badRequest: .badRequest
        case .conflict: .conflict
        case .unauthorized: .unauthorized
        case .methodNotAllowed: .methodNotAllowed
        case .unavailable: .serviceUnavailable
        }
    }

    /// The JSON body.
    public var body: ErrorBody {
        switch self {
        case .notFound(let field, let value): ErrorBody(error: "no \(field) \"\(value)\"", field: field)
        case .badRequest(let field, let message), .conflict(let field, let message): ErrorBody(error: message, field: field)
        case .unauthorized: ErrorBody(error: "missing or wrong bearer token")
        case .methodNotAllowed(let allowed): ErrorBody(error: "method not allowed here; allowed: \(allowed.joined(separator: ", "))")
        case .unavailable(let message): ErrorBody(error: message)
        }
    }
}
