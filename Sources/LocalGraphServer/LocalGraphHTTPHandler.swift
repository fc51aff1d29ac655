import NIOCore
import NIOHTTP1

/// Collects one HTTP/1.1 request (head and body), hands it to the server and writes the answer.
/// Keep-alive and pipelining are handled by NIO's server pipeline in front of it.
final class LocalGraphHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let respond: @Sendable (LocalGraphRequest) -> LocalGraphResponse
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(respond: @escaping @Sendable (LocalGraphRequest) -> LocalGraphResponse) {
        self.respond = respond
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body.removeAll(keepingCapacity: true)
        case .body(var buffer):
            body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
        case .end:
            guard let requestHead = head else { return }
            head = nil
            let request = LocalGraphRequest(
                method: requestHead.method.rawValue,
                path: requestHead.uri,
                headers: requestHead.headers.map { (name: $0.name, value: $0.value) },
                body: body
            )
            write(respond(request), keepAlive: requestHead.isKeepAlive, version: requestHead.version, context: context)
        }
    }

    private func write(_ response: LocalGraphResponse, keepAlive: Bool, version: HTTPVersion, context: ChannelHandlerContext) {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(version: version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }
}
