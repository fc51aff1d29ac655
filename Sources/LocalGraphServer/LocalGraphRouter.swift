import Foundation
import NIOConcurrencyHelpers

/// Answers local Graph requests: the token endpoint, the presence endpoints and the `/_test/`
/// control endpoints. docs/local-graph.md says which Graph fact each behaviour imitates.
///
/// The model's lock is held only for its bookkeeping; parsing and writing JSON happen outside it.
struct LocalGraphRouter: Sendable {
    private let verifier: LocalGraphAssertionVerifier?

    init(configuration: LocalGraphConfiguration) throws {
        verifier = try configuration.clientCertificatePEM.map(LocalGraphAssertionVerifier.init(certificatePEM:))
    }

    func handle(
        _ request: LocalGraphRequest,
        model: NIOLockedValueBox<LocalGraphModel>,
        now: ContinuousClock.Instant,
        wallClock: Date
    ) -> LocalGraphResponse {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        let segments = path.split(separator: "/").map(String.init)
        switch request.method {
        case "POST":
            if let captured = match(["*", "oauth2", "v2.0", "token"], segments) {
                return model.withLockedValue {
                    LocalGraphTokenEndpoint(verifier: verifier).handle(
                        request, tenant: captured[0], model: &$0, now: now, wallClock: wallClock)
                }
            }
            if match(["v1.0", "communications", "getPresencesByUserId"], segments) != nil {
                return presences(request, model: model, now: now)
            }
            if match(["_test", "faults"], segments) != nil { return injectFaults(request, model: model) }
            if match(["_test", "tokens", "expire"], segments) != nil {
                model.withLockedValue { $0.expireAllTokens(now: now) }
                return .noContent
            }
        case "GET":
            if let captured = match(["v1.0", "users", "*", "presence"], segments)
                ?? match(["v1.0", "communications", "presences", "*"], segments)
            {
                return presence(of: captured[0], request: request, model: model, now: now)
            }
            if match(["_test", "counters"], segments) != nil {
                let data = (try? JSONEncoder().encode(model.withLockedValue { $0.counters })) ?? Data()
                return LocalGraphResponse(status: 200, headers: [("Content-Type", "application/json")], body: Array(data))
            }
        default:
            break
        }
        if ["PUT", "POST"].contains(request.method), let captured = match(["_test", "users", "*", "presence"], segments) {
            return setPresence(of: captured[0], request: request, model: model)
        }
        if request.method == "PUT", match(["_test", "token-lifetime"], segments) != nil {
            guard let seconds = jsonObject(request.body)?["seconds"] as? Int, seconds >= 0 else {
                return .graphError(400, code: "BadRequest", message: "expected {\"seconds\": N}")
            }
            model.withLockedValue { $0.setTokenLifetime(.seconds(seconds)) }
            return .noContent
        }
        return .graphError(400, code: "BadRequest", message: "Resource not found for the segment '\(segments.last ?? "")'.")
    }

    private func presences(
        _ request: LocalGraphRequest,
        model: NIOLockedValueBox<LocalGraphModel>,
        now: ContinuousClock.Instant
    ) -> LocalGraphResponse {
        if let refusal = model.withLockedValue({ admit(request, model: &$0, now: now) }) { return refusal }
        let ids = jsonObject(request.body)?["ids"] as? [String]
        var users: [LocalGraphUser] = []
        let refusal = model.withLockedValue { model -> LocalGraphResponse? in
            guard let ids else {
                model.countBadRequest()
                return .graphError(400, code: "BadRequest", message: "Invalid request body: expected {\"ids\": [...]}.")
            }
            let limit = model.configuration.maximumIDsPerRequest
            guard !ids.isEmpty, ids.count <= limit else {
                model.countBadRequest()
                return .graphError(400, code: "BadRequest", message: "The number of ids must be between 1 and \(limit); got \(ids.count).")
            }
            users = model.answer(ids: ids)
            return nil
        }
        if let refusal { return refusal }
        return LocalGraphResponse(status: 200, headers: Self.jsonHeaders, body: LocalGraphPresenceJSON.collection(users))
    }

    private func presence(
        of id: String,
        request: LocalGraphRequest,
        model: NIOLockedValueBox<LocalGraphModel>,
        now: ContinuousClock.Instant
    ) -> LocalGraphResponse {
        var user: LocalGraphUser?
        let refusal = model.withLockedValue { model -> LocalGraphResponse? in
            if let refusal = admit(request, model: &model, now: now) { return refusal }
            user = model.answer(ids: [id]).first
            return nil
        }
        if let refusal { return refusal }
        guard let user else {
            return .graphError(404, code: "NotFound", message: "The requested user '\(id)' is invalid.")
        }
        return LocalGraphResponse(status: 200, headers: Self.jsonHeaders, body: LocalGraphPresenceJSON.single(user))
    }

    private static let jsonHeaders = [(name: "Content-Type", value: "application/json; charset=utf-8")]

    /// Injected fault, bearer token, then the sliding window: `nil` when the request may be answered.
    private func admit(_ request: LocalGraphRequest, model: inout LocalGraphModel, now: ContinuousClock.Instant) -> LocalGraphResponse? {
        if let fault = model.admitPresenceRequest() {
            let headers = fault.retryAfterSeconds.map { [("Retry-After", String($0))] } ?? []
            let code = [429: "TooManyRequests", 503: "ServiceNotAvailable", 504: "GatewayTimeout"][fault.status] ?? "UnknownError"
            return .graphError(fault.status, code: code, message: "Injected fault.", headers: headers)
        }
        var token: String?
        if let authorization = request.header("Authorization"), authorization.lowercased().hasPrefix("bearer ") {
            token = String(authorization.dropFirst("bearer ".count))
        }
        if let problem = model.checkToken(token, now: now) {
            let message = switch problem {
            case .missing: "Access token is empty."
            case .unknown: "IDX14100: JWT is not well formed."
            case .expired: "Lifetime validation failed, the token is expired."
            }
            return .graphError(401, code: "InvalidAuthenticationToken", message: message, headers: [("WWW-Authenticate", "Bearer realm=\"\", error=\"invalid_token\"")])
        }
        if let wait = model.takeWindowPlace(now: now) {
            return .graphError(429, code: "TooManyRequests", message: "Too many requests.", headers: [("Retry-After", String(wait))])
        }
        return nil
    }

    private func setPresence(of id: String, request: LocalGraphRequest, model: NIOLockedValueBox<LocalGraphModel>) -> LocalGraphResponse {
        guard let object = jsonObject(request.body), let availability = object["availability"] as? String else {
            return .graphError(400, code: "BadRequest", message: "expected {\"availability\": ..., \"activity\": ...}")
        }
        let user = LocalGraphUser(id: id, availability: availability, activity: object["activity"] as? String ?? availability)
        model.withLockedValue { $0.setPresence(user) }
        return .noContent
    }

    private func injectFaults(_ request: LocalGraphRequest, model: NIOLockedValueBox<LocalGraphModel>) -> LocalGraphResponse {
        guard let object = jsonObject(request.body), let status = object["status"] as? Int, (400...599).contains(status) else {
            return .graphError(400, code: "BadRequest", message: "expected {\"status\": 503, \"count\": 1, \"retryAfter\": 5}")
        }
        let fault = LocalGraphModel.Fault(status: status, retryAfterSeconds: object["retryAfter"] as? Int)
        model.withLockedValue { $0.inject(fault, count: object["count"] as? Int ?? 1) }
        return .noContent
    }

    private func match(_ pattern: [String], _ segments: [String]) -> [String]? {
        guard pattern.count == segments.count else { return nil }
        var captured: [String] = []
        for (expected, actual) in zip(pattern, segments) {
            if expected == "*" {
                captured.append(actual.removingPercentEncoding ?? actual)
            } else if expected.caseInsensitiveCompare(actual) != .orderedSame {
                return nil
            }
        }
        return captured
    }

    private func jsonObject(_ body: [UInt8]) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    }
}
