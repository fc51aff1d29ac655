import ControlAPI
import ControlModel
import Logging

/// Runs the control API on 127.0.0.1 on a free port for the duration of `body`, which gets the
/// base URL; the server is cancelled when `body` returns or throws.
public func withLiveControlAPI<Result: Sendable>(surface: any ControlSurface, token: ControlToken?,
                                                 logger: Logger = Logger(label: "control-api-tests") { _ in SwiftLogNoOpLogHandler() },
                                                 _ body: (String) async throws -> Result) async throws -> Result {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let application = ControlAPI.makeApplication(surface: surface, host: "127.0.0.1", port: 0, token: token, logger: logger) { port in
        continuation.yield(port)
    }
    let server = Task { try await application.run() }
    Task {
        _ = await server.result
        continuation.finish()
    }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { throw CancellationError() }
    return try await body("http://127.0.0.1:\(port)")
}
