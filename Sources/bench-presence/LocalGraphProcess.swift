import AsyncHTTPClient
import Foundation
import LocalGraphServer

/// A `local-graph` child process on a free loopback port, so that its CPU time is not the poller's.
final class LocalGraphProcess {
    static let clientID = "bench-presence"
    static let clientSecret = "bench-secret"

    let port: Int
    private let process: Process

    /// Starts `executable` with `users` generated users and waits for its listening line.
    init(executable: String, users: Int) throws {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--port", "0", "--users", String(users), "--client-id", Self.clientID, "--client-secret", Self.clientSecret,
        ]
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw LocalGraphProcessError.exited }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = text.split(separator: ":").last.flatMap({ Int($0) }) else {
            process.terminate()
            throw LocalGraphProcessError.unexpectedOutput(text)
        }
        self.process = process
        self.port = port
    }

    /// The child's process id.
    var pid: Int32 { process.processIdentifier }

    /// The counters of `GET /_test/counters`.
    func counters() async throws -> LocalGraphCounters {
        let response = try await HTTPClient.shared.execute(
            HTTPClientRequest(url: "http://127.0.0.1:\(port)/_test/counters"), timeout: .seconds(5))
        let body = try await response.body.collect(upTo: 1 << 20)
        return try JSONDecoder().decode(LocalGraphCounters.self, from: Data(body.readableBytesView))
    }

    /// Terminates the child and waits for it.
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}
