import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import YAMLConfiguration

/// A loopback HTTP endpoint that reports `StatusReport` as JSON on `GET /v1/status` (for operators
/// and the black-box tests that check no call state leaks) and as Prometheus metrics on
/// `GET /metrics`. Optional bearer token.
final class StatusServer: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let token: ControlToken?
    private let report: @Sendable () async throws -> StatusReport
    private var head: HTTPRequestHead?

    init(token: ControlToken?, report: @escaping @Sendable () async throws -> StatusReport) {
        self.token = token
        self.report = report
    }

    /// Binds the endpoint on `host:port` of `group`.
    static func start(host: String, port: Int, token: ControlToken?, group: any EventLoopGroup,
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
        if let token, head.headers.first(name: "Authorization") != "Bearer \(token.value)" {
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
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in bound.value.close(promise: nil) }
    }
}
