import Foundation

/// `POST /{tenant}/oauth2/v2.0/token` for the client-credentials grant, with Entra's checks and
/// error codes (AADSTS...) in the order Entra applies them.
struct LocalGraphTokenEndpoint {
    let verifier: LocalGraphAssertionVerifier?

    func handle(
        _ request: LocalGraphRequest,
        tenant: String,
        model: inout LocalGraphModel,
        now: ContinuousClock.Instant,
        wallClock: Date
    ) -> LocalGraphResponse {
        model.countTokenRequest()
        let configuration = model.configuration
        guard request.header("Content-Type")?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return .tokenError(400, error: "invalid_request", code: 900144, description: "The request body must contain the following parameter: 'grant_type'.")
        }
        if let expected = configuration.tenantID, expected.caseInsensitiveCompare(tenant) != .orderedSame {
            return .tokenError(400, error: "invalid_request", code: 90002, description: "Tenant '\(tenant)' not found.")
        }
        let form = FormURLDecoder.decode(request.body)
        for name in ["grant_type", "client_id", "scope"] where (form[name] ?? "").isEmpty {
            return .tokenError(400, error: "invalid_request", code: 900144, description: "The request body must contain the following parameter: '\(name)'.")
        }
        guard form["grant_type"] == "client_credentials" else {
            return .tokenError(400, error: "unsupported_grant_type", code: 70003, description: "The app requested an unsupported grant type.")
        }
        guard form["client_id"] == configuration.clientID else {
            return .tokenError(400, error: "unauthorized_client", code: 700016, description: "Application with identifier '\(form["client_id"] ?? "")' was not found in the directory.")
        }
        guard let scope = form["scope"], scope.hasSuffix("/.default") else {
            return .tokenError(400, error: "invalid_scope", code: 1002012, description: "The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.")
        }
        if let refusal = authenticate(form, tenant: tenant, configuration: configuration, wallClock: wallClock) {
            return refusal
        }
        let issued = model.issueToken(now: now)
        return .json(200, [
            "token_type": "Bearer", "expires_in": issued.lifetimeSeconds, "ext_expires_in": issued.lifetimeSeconds,
            "access_token": issued.token,
        ])
    }

    private func authenticate(
        _ form: [String: String],
        tenant: String,
        configuration: LocalGraphConfiguration,
        wallClock: Date
    ) -> LocalGraphResponse? {
        if let secret = form["client_secret"] {
            guard let expected = configuration.clientSecret, secret == expected else {
                return .tokenError(400, error: "invalid_client", code: 7000215, description: "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.")
            }
            return nil
        }
        guard let assertion = form["client_assertion"] else {
            return .tokenError(400, error: "invalid_client", code: 7000218, description: "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.")
        }
        guard form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" else {
            return .tokenError(400, error: "invalid_request", code: 50038, description: "Invalid client_assertion_type.")
        }
        guard let verifier else {
            return .tokenError(400, error: "invalid_client", code: 700027, description: "No certificate is registered on the application.")
        }
        do {
            try verifier.verify(assertion, clientID: configuration.clientID, tenant: tenant, now: wallClock)
            return nil
        } catch {
            return .tokenError(400, error: "invalid_client", code: error.code, description: error.description)
        }
    }
}
