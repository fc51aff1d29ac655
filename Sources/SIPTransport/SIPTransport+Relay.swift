import SIPCore

extension SIPTransport {
    /// Sends, on this transport's loop (the one that owns the TCP/TLS connections), what another
    /// shard's transport sends over a stream. That shard cannot see the connection table, so it
    /// names the request's connection for a response; when that connection is gone, the response
    /// goes where RFC 3261 §18.2.2 says without one: the top Via's `received` (and `rport`) or its
    /// sent-by, over a new connection, never to the closed connection's ephemeral port. A request
    /// goes over the connection to its destination, opened when there is none.
    func relay(_ bytes: [UInt8], to destination: SIPPeerAddress) {
        guard eventLoop.inEventLoop else {
            eventLoop.execute { self.relay(bytes, to: destination) }
            return
        }
        if !isConnectionOpen(to: destination), bytes.starts(with: Self.responseStart),
           case .response(let response)? = try? bytes.withUnsafeBytes({ try SIPMessage(parsing: $0) }),
           let fallback = Self.responseDestination(for: response.headers, source: destination, connectionOpen: false) {
            send(bytes, to: fallback)
            return
        }
        send(bytes, to: destination)
    }

    /// How every response's start line begins.
    private static let responseStart = Array("SIP/2.0 ".utf8)
}
