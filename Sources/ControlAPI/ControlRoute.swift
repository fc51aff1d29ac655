import Foundation
import Hummingbird
import HummingbirdAuth

/// The request context of the control API: Hummingbird's, with the authenticated operator.
public typealias ControlContext = BasicAuthRequestContext<ControlOperator>

/// Whoever presented the right bearer token (or anyone, when the API runs without a token).
public struct ControlOperator: Sendable {}

/// One route of the control API: method, path (OpenAPI spelling, `{name}` for a parameter) and
/// handler. ``ControlRoute/all`` is the one list the router, the 405 answers and the OpenAPI
/// document's test read.
public struct ControlRoute: Sendable {
    /// The HTTP method.
    public let method: HTTPRequest.Method
    /// The path, with `{name}` for each parameter.
    public let path: String
    let handler: @Sendable (Request, ControlContext, any ControlSurface) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String,
         _ handler: @escaping @Sendable (Request, ControlContext, any ControlSurface) async throws -> Response) {
        self.method = method
        self.path = path
        self.handler = handler
    }

    /// Every route: the resources, the stored history, then the actions.
    public static var all: [ControlRoute] { resources + history + actions }

    /// The path in Hummingbird's spelling (`:name` for a parameter).
    var routerPath: RouterPath {
        RouterPath(path.split(separator: "/").map { $0.hasPrefix("{") ? ":" + $0.dropFirst().dropLast() : String($0) }.joined(separator: "/"))
    }

    /// Whether a request path fits this route's path.
    func matches(_ requestPath: String) -> Bool {
        let pattern = path.split(separator: "/", omittingEmptySubsequences: true)
        let actual = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        return pattern.count == actual.count && zip(pattern, actual).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}

extension ControlContext {
    /// The percent-decoded path parameter `name` (call ids may hold `/`, `?` or `%`, sent encoded).
    func pathValue(_ name: String) throws -> String {
        guard let raw = parameters.get(name), let value = raw.removingPercentEncoding, !value.isEmpty else {
            throw ControlError.badRequest(field: name, message: "\(name) is missing or badly percent-encoded")
        }
        return value
    }
}
