import Foundation

/// One HTTP request as the local Graph's router sees it.
struct LocalGraphRequest: Sendable {
    var method: String
    var path: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first header named `name`, case-insensitively.
    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP answer from the local Graph's router.
struct LocalGraphResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// An answer with a JSON body.
    static func json(_ status: Int, _ object: Any, headers: [(String, String)] = []) -> LocalGraphResponse {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return LocalGraphResponse(
            status: status,
            headers: [("Content-Type", "application/json; charset=utf-8")] + headers.map { (name: $0.0, value: $0.1) },
            body: Array(data)
        )
    }

    /// A Graph error answer: `{"error":{"code","message","innerError":{...}}}`.
    static func graphError(_ status: Int, code: String, message: String, headers: [(String, String)] = []) -> LocalGraphResponse {
        let inner: [String: Any] = [
            "date": ISO8601DateFormatter().string(from: Date()),
            "request-id": UUID().uuidString.lowercased(),
            "client-request-id": UUID().uuidString.lowercased(),
        ]
        return json(status, ["error": ["code": code, "message": message, "innerError": inner]], headers: headers)
    }

    /// A token endpoint error answer, shaped like Entra's.
    static func tokenError(_ status: Int, error: String, code: Int, description: String) -> LocalGraphResponse {
        json(status, [
            "error": error,
            "error_description": "AADSTS\(code): \(description)",
            "error_codes": [code],
            "timestamp": ISO8601DateFormatter().string(from: Date()),
            "trace_id": UUID().uuidString.lowercased(),
            "correlation_id": UUID().uuidString.lowercased(),
        ])
    }

    /// `204 No Content`.
    static let noContent = LocalGraphResponse(status: 204, headers: [], body: [])
}
