import NIOCore
import SIPCore

extension SIPTransport {
    /// Handles one received datagram or framed stream message: keep-alives, the access list, parsing,
    /// `400` for malformed requests, Via stamping (RFC 3261 §18.2.1, RFC 3581), then `onMessage`.
    func receive(_ bytes: UnsafeRawBufferPointer, from source: SIPPeerAddress) {
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A || $0 == 0x20 || $0 == 0x09 }) { return }
        let trusted = configuration.trustedPeers.isEmpty || configuration.trustedPeers.contains(source.ipAddress)
        if !trusted && configuration.unknownPeerPolicy == .drop { return }
        if let handover, handover(bytes, source) { return }
        process(bytes, from: source, trusted: trusted)
    }

    /// Asks `onNewCall` to answer a new call's INVITE before its parse, when its sender is allowed.
    func answerNewCallEarly(_ bytes: UnsafeRawBufferPointer, from source: SIPPeerAddress) -> Bool {
        guard let onNewCall, configuration.trustedPeers.isEmpty || configuration.trustedPeers.contains(source.ipAddress) else { return false }
        return onNewCall(bytes, source)
    }

    /// Handles a message another shard's transport received and handed over (see `handover`): as if
    /// it had arrived here, without asking `handover` again.
    public func receive(handedOver bytes: [UInt8], from source: SIPPeerAddress) {
        eventLoop.preconditionInEventLoop()
        let trusted = configuration.trustedPeers.isEmpty || configuration.trustedPeers.contains(source.ipAddress)
        bytes.withUnsafeBytes { process($0, from: source, trusted: trusted) }
    }

    /// Parses a message, answers it `400` when it is a malformed request, stamps its Via and passes it up.
    private func process(_ bytes: UnsafeRawBufferPointer, from source: SIPPeerAddress, trusted: Bool) {
        let message: SIPMessage
        do {
            message = try SIPMessage(parsing: bytes)
        } catch {
            answerMalformed(error, from: source, trusted: trusted)
            return
        }
        switch message {
        case .request(var request):
            Self.stampVia(&request.headers, source: source)
            guard trusted else {
                if request.method != .ack {
                    logger.notice("request from an unknown peer refused", metadata: ["sip.peer": "\(source)", "sip.method": "\(request.method)"])
                    sendResponse(SIPResponse(replyingTo: request, statusCode: 403, toTag: nil), receivedFrom: source)
                }
                return
            }
            onMessage?(SIPInboundMessage(message: .request(request), source: source))
        case .response:
            guard trusted else { return }
            onMessage?(SIPInboundMessage(message: message, source: source))
        }
    }

    private func answerMalformed(_ error: SIPParseError, from source: SIPPeerAddress, trusted: Bool) {
        guard error.isRequest, var headers = error.responseHeaders else {
            logger.debug("malformed message dropped", metadata: ["sip.peer": "\(source)", "sip.error": "\(error)"])
            return
        }
        Self.stampVia(&headers, source: source)
        var response = SIPResponse(replyingTo: headers, statusCode: trusted ? 400 : 403)
        if trusted {
            let text = String(error.description.map { $0 == "\"" || $0 == "\\" || $0.isNewline ? "'" : $0 }.prefix(200))
            response.headers.add("Warning", "399 switchboardd \"\(text)\"")
        }
        logger.debug("malformed request answered", metadata: ["sip.peer": "\(source)", "sip.error": "\(error)"])
        sendResponse(response, receivedFrom: source)
    }

    /// RFC 3261 §18.2.1 and RFC 3581 §4: record the packet's source in the top Via.
    static func stampVia(_ headers: inout SIPHeaders, source: SIPPeerAddress) {
        guard !headers.via.isEmpty else { return }
        let sourceIP = source.ipAddress
        let sentByHost = headers.via[0].host.hasPrefix("[") ? String(headers.via[0].host.dropFirst().dropLast()) : headers.via[0].host
        let wantsRPort = headers.via[0].rport != nil
        if sentByHost != sourceIP || wantsRPort {
            headers.via[0].received = sourceIP
        }
        if wantsRPort {
            headers.via[0].rport = .some(String(source.port))
        }
    }

    /// Sends a response where RFC 3261 §18.2.2 says: back over the connection the request came on when it
    /// is still open, otherwise to `received` (and `rport`) from the top Via, else to its sent-by.
    public func sendResponse(_ response: SIPResponse, receivedFrom source: SIPPeerAddress?) {
        guard eventLoop.inEventLoop else {
            eventLoop.execute { self.sendResponse(response, receivedFrom: source) }
            return
        }
        guard let destination = responseDestination(for: response, receivedFrom: source) else {
            logger.debug("no route for response", metadata: ["sip.call_id": "\(response.headers.callID)"])
            return
        }
        send(response.serialized(), to: destination)
    }

    /// Where a response goes now (RFC 3261 §18.2.2): the request's connection while it is open (a
    /// shard whose `streamTransport` owns the connections takes it as open: that transport's loop
    /// alone knows, and it opens a new one if it is gone).
    public func responseDestination(for response: SIPResponse, receivedFrom source: SIPPeerAddress?) -> SIPPeerAddress? {
        eventLoop.preconditionInEventLoop()
        let connectionOpen = source.map { streamTransport == nil ? isConnectionOpen(to: $0) : $0.transport.isReliable } ?? false
        return Self.responseDestination(for: response.headers, source: source, connectionOpen: connectionOpen)
    }

    /// The destination of a response (RFC 3261 §18.2.2, RFC 3581 §4), over the transport the request
    /// arrived on (a Via naming another transport is not trusted for that).
    static func responseDestination(for headers: SIPHeaders, source: SIPPeerAddress?, connectionOpen: Bool) -> SIPPeerAddress? {
        guard let via = headers.via.first else { return nil }
        let transport = source?.transport ?? SIPTransportProtocol(viaToken: via.transport) ?? .udp
        if transport.isReliable, connectionOpen, let source, source.transport == transport {
            return source
        }
        let host = via.received ?? via.host
        let defaultPort = transport == .tls ? 5061 : 5060
        let port = via.rport.flatMap { $0 }.flatMap { Int($0) } ?? via.port ?? defaultPort
        if let source, source.isAt(transport, host: host, port: port) { return source }
        return try? SIPPeerAddress(transport: transport, host: host, port: port)
    }
}
