import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The daemon's live counters, as `GET /v1/status` reports them.
struct StatusReport: Codable, Equatable, Sendable {
    /// Calls held (queued, ringing or connected).
    var calls: Int
    /// Dialogs still routable (connected legs and lingering ended ones).
    var dialogs: Int
    /// Live server transactions.
    var serverTransactions: Int
    /// Live client transactions.
    var clientTransactions: Int
    /// Whether the daemon is draining after SIGTERM.
    var draining: Bool
    /// The presence source: `reachable`, or `unreachable: <reason>`.
    var presence: String
    /// Presence requests sent to Graph, throttled (429) and failed, since start.
    var presenceRequests: PresenceRequestCounts

    /// Graph request counters.
    struct PresenceRequestCounts: Codable, Equatable, Sendable {
        var sent: Int
        var throttled: Int
        var failed: Int
    }

    /// The same figures in the Prometheus text exposition format, for `GET /metrics`.
    var prometheusText: String {
        let gauges: [(String, String, Int)] = [
            ("switchboard_calls", "Calls held: queued, ringing or connected.", calls),
            ("switchboard_dialogs", "SIP dialogs routable.", dialogs),
            ("switchboard_server_transactions", "Live SIP server transactions.", serverTransactions),
            ("switchboard_client_transactions", "Live SIP client transactions.", clientTransactions),
            ("switchboard_draining", "1 while draining after SIGTERM.", draining ? 1 : 0),
            ("switchboard_presence_source_up", "1 while the presence source answers.", presence == "reachable" ? 1 : 0),
        ]
        var text = gauges.map { "# HELP \($0.0) \($0.1)\n# TYPE \($0.0) gauge\n\($0.0) \($0.2)\n" }.joined()
        text += "# HELP switchboard_graph_requests_total Presence requests to Microsoft Graph by result.\n"
        text += "# TYPE switchboard_graph_requests_total counter\n"
        for (result, value) in [("sent", presenceRequests.sent), ("throttled", presenceRequests.throttled), ("failed", presenceRequests.failed)] {
            text += "switchboard_graph_requests_total{result=\"\(result)\"} \(value)\n"
        }
        return text
    }
}

/// A loopback HTTP endpoint that reports `StatusReport` as JSON on `GET /v1/status` (for operators
/// and the black-box tests that check no call state leaks) and as Prometheus metrics on
/// `GET /metrics`. Optional bearer token.
final class StatusServer: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let token: String?
    private let report: @Sendable () async throws -> StatusReport
    private var head: HTTPRequestHead?

    init(token: String?, report: @escaping @Sendable () async throws -> StatusReport) {
        self.token = token
        self.report = report
    }

    /// Binds the endpoint on `host:port` of `group`.
    static func start(host: String, port: Int, token: String?, group: any EventLoopGroup,
                      report: @escaping @Sendable () async throws -> StatusReport) async throws -> any Channel {
        try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(StatusServer(token: token, report: report))
                }
            }
            .bind(host: host, port: port).get()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        if let token, head.headers.first(name: "Authorization") != "Bearer \(token)" {
            write(status: .unauthorized, body: #"{"error":"missing or wrong bearer token"}"#, context: context)
            return
        }
        guard head.method == .GET, head.uri == "/v1/status" || head.uri == "/metrics" else {
            write(status: .notFound, body: #"{"error":"not found"}"#, context: context)
            return
        }
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let report = self.report
        let promise = context.eventLoop.makePromise(of: StatusReport.self)
        promise.completeWithTask { try await report() }
        promise.futureResult.whenComplete { result in
            let (handler, context) = loopBound.value
            switch result {
            case .success(let status) where head.uri == "/metrics":
                handler.write(status: .ok, body: status.prometheusText, contentType: "text/plain; version=0.0.4", context: context)
            case .success(let status):
                let body = (try? JSONEncoder().encode(status)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                handler.write(status: .ok, body: body, context: context)
            case .failure:
                handler.write(status: .serviceUnavailable, body: #"{"error":"status unavailable"}"#, context: context)
            }
        }
    }

    private func write(status: HTTPResponseStatus, body: String, contentType: String = "application/json", context: ChannelHandlerContext) {
        var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", String(body.utf8.count))])
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
