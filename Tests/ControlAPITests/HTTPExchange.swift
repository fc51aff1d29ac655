import AsyncHTTPClient
import ControlModel
import Foundation
import NIOCore
import NIOHTTP1

/// One request to the API under test and its answer.
struct HTTPExchange {
    var status: Int
    var headers: HTTPHeaders
    var body: String

    /// The body as `Value`.
    func decoded<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try JSONDecoder().decode(type, from: Data(body.utf8))
    }

    /// Sends `method path` with an optional bearer token, `Accept` header and body.
    static func send(_ method: HTTPMethod, _ url: String, token: String? = "t0ken-for-tests", accept: String? = nil,
                     body: String? = nil) async throws -> HTTPExchange {
        try await send(method, url, authorization: token.map { "Bearer \($0)" }, accept: accept, body: body)
    }

    /// Sends `method path` with this Authorization header and `Accept` header, if any.
    static func send(_ method: HTTPMethod, _ url: String, authorization: String?, accept: String? = nil,
                     body: String? = nil) async throws -> HTTPExchange {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let authorization { request.headers.add(name: "Authorization", value: authorization) }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return HTTPExchange(status: Int(response.status.code), headers: response.headers, body: String(buffer: bytes))
    }
}
