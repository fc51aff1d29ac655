import ControlModel
import Hummingbird
import HummingbirdAuth
import Logging

/// Turns every failure into a JSON answer: ``ControlError``s as they are, a path that exists with
/// another method into 405 with `Allow`, any other path into 404, and anything unexpected into 500
/// (logged, without the request, whose headers hold the token).
struct ControlErrorMiddleware: RouterMiddleware {
    typealias Context = ControlContext
    let routes: [ControlRoute]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            return JSONResponse.error(error)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.filter { $0.matches(request.uri.path) }.map(\.method.rawValue)
            guard allowed.isEmpty else { return JSONResponse.error(.methodNotAllowed(allowed: allowed)) }
            return (try? JSONResponse.make(ErrorBody(error: "no such resource: \(request.uri.path)"), status: .notFound)) ?? Response(status: .notFound)
        } catch let error as HTTPError where error.status == .unauthorized {
            return JSONResponse.error(.unauthorized)
        } catch {
            context.logger.error("control API request failed", metadata: ["http.method": "\(request.method)", "http.path": "\(request.uri.path)",
                                                                          "error": "\(error)"])
            return (try? JSONResponse.make(ErrorBody(error: "internal error"), status: .internalServerError)) ?? Response(status: .internalServerError)
        }
    }
}

/// Accepts a request only with `Authorization: Bearer <the token>`.
struct BearerTokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = ControlContext
    let token: ControlToken

    func authenticate(request: Request, context: Context) async throws -> ControlOperator? {
        guard let bearer = request.headers.bearer, token.matches(bearer.token) else { return nil }
        return ControlOperator()
    }
}
