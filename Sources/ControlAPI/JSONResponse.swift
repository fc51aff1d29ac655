import Foundation
import Hummingbird

/// JSON answers with sorted keys, so the same state always reads the same.
enum JSONResponse {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// `value` as a JSON answer with `status`.
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The answer to a refused request.
    static func error(_ error: ControlError) -> Response {
        var headers: HTTPFields = [:]
        switch error {
        case .unauthorized: headers[.wwwAuthenticate] = "Bearer"
        case .methodNotAllowed(let allowed): headers[.allow] = allowed.joined(separator: ", ")
        default: break
        }
        return (try? make(error.body, status: error.status, headers: headers)) ?? Response(status: error.status)
    }
}
