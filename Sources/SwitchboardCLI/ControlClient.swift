import AsyncHTTPClient
import ControlModel
import Foundation
import NIOCore
import NIOHTTP1

/// The CLI's side of the control API: one request, its JSON answer, errors mapped to exit codes.
struct ControlClient: Sendable {
    let configuration: CLIConfiguration
    let httpClient: HTTPClient

    /// `GET path`: the answer's body.
    func get(_ path: String) async throws -> Data {
        try await send(.GET, path, body: nil)
    }

    /// `POST path` with `body` as JSON (an empty object when nil): the answer's body.
    func post(_ path: String, body: (some Encodable & Sendable)? = Optional<EmptyBody>.none) async throws -> Data {
        try await send(.POST, path, body: try body.map { try JSONEncoder().encode($0) } ?? Data("{}".utf8))
    }

    /// Decodes an answer, or says it is unreadable.
    func decode<Value: Decodable>(_ type: Value.Type, from data: Data) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw CLIError.unreadableAnswer("expected \(type): \(error)")
        }
    }

    private func send(_ method: HTTPMethod, _ path: String, body: Data?) async throws -> Data {
        var request = HTTPClientRequest(url: configuration.url + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        if let token = configuration.token { request.headers.add(name: "Authorization", value: "Bearer \(token.value)") }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response: HTTPClientResponse
        let data: Data
        do {
            response = try await httpClient.execute(request, timeout: .seconds(10))
            data = Data(try await response.body.collect(upTo: 64 << 20).readableBytesView)
        } catch {
            throw CLIError.unreachable(url: configuration.url, reason: Self.reason(error))
        }
        switch response.status.code {
        case 200..<300:
            return data
        case 401:
            throw CLIError.unauthorized(url: configuration.url)
        default:
            let message = (try? JSONDecoder().decode(ErrorBody.self, from: data).error) ?? String(decoding: data.prefix(200), as: UTF8.self)
            throw CLIError.api(status: Int(response.status.code), message: message)
        }
    }

    /// A short reason for a transport error.
    static func reason(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("refused") { return "connection refused" }
        if text.lowercased().contains("timeout") || text.contains("deadline") { return "timed out" }
        return String(text.prefix(160))
    }
}

/// The body of an action that takes no fields.
struct EmptyBody: Encodable, Sendable {}

/// A path segment with everything but unreserved characters percent-encoded (call ids may hold
/// `/`, `?`, `%` or `@`).
func pathSegment(_ text: String) -> String {
    var allowed = CharacterSet()
    allowed.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}
