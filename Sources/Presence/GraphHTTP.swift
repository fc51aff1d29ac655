import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Sends one request with AsyncHTTPClient and collects the whole answer, mapping transport errors.
enum GraphHTTP {
    /// The largest answer accepted: 650 presences with every optional field fit well inside.
    static let maximumBodyBytes = 4 * 1024 * 1024

    /// Status, headers and body of the answer to `request`.
    static func send(
        _ request: HTTPClientRequest,
        with httpClient: HTTPClient,
        timeout: Duration
    ) async throws(GraphPresenceError) -> (status: Int, headers: HTTPHeaders, body: ByteBuffer) {
        let nanoseconds = Int64(timeout.inSeconds * 1e9)
        do {
            let response = try await httpClient.execute(request, timeout: .nanoseconds(nanoseconds))
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return (Int(response.status.code), response.headers, body)
        } catch {
            throw .transport("\(error)")
        }
    }
}
