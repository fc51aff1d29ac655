import NIOCore
import NIOEmbedded
import SIPCore
import SIPTransport

/// A `MessageSender` without sockets, for in-process tests: what the layers above send is parsed
/// back and kept in order, with where it was going. Its loop is an `EmbeddedEventLoop`, whose
/// virtual clock is the test's mock clock: `advance(by:)` moves it and runs every timer due.
public final class LoopbackMessageSender: MessageSender, @unchecked Sendable {
    /// One message sent, as it would have left on the wire.
    public struct Sent: Sendable {
        /// The message, parsed back from its serialized bytes.
        public var message: SIPMessage
        /// Where it was going.
        public var destination: SIPPeerAddress

        /// The message if it is a request.
        public var request: SIPRequest? {
            if case .request(let request) = message { request } else { nil }
        }

        /// The message if it is a response.
        public var response: SIPResponse? {
            if case .response(let response) = message { response } else { nil }
        }
    }

    /// The embedded loop: the layers above run on it, and its clock is virtual.
    public let embeddedLoop = EmbeddedEventLoop()
    /// Every message sent so far, oldest first; `takeSent()` empties it.
    public private(set) var sent: [Sent] = []

    /// How many times the layers above asked for what was sent to leave at once (`flushNow()`).
    public private(set) var immediateFlushes = 0

    /// Creates a sender on a new embedded loop.
    public init() {}

    /// Counts the request: every message is recorded as soon as it is sent anyway.
    public func flushNow() { immediateFlushes += 1 }

    /// The loop the layers above run on.
    public var eventLoop: any EventLoop { embeddedLoop }

    /// Parses the bytes back and records them.
    public func send(_ bytes: [UInt8], to destination: SIPPeerAddress) {
        do {
            sent.append(Sent(message: try SIPMessage(parsing: bytes), destination: destination))
        } catch {
            preconditionFailure("the layers above sent a message that does not parse: \(error)")
        }
    }

    /// Records a response, addressed as RFC 3261 §18.2.2 says (here: back to where the request came from).
    public func sendResponse(_ response: SIPResponse, receivedFrom source: SIPPeerAddress?) {
        guard let destination = responseDestination(for: response, receivedFrom: source) else { return }
        send(response.serialized(), to: destination)
    }

    /// Back to where the request came from.
    public func responseDestination(for response: SIPResponse, receivedFrom source: SIPPeerAddress?) -> SIPPeerAddress? {
        source
    }

    /// Returns what was sent since the last call, and forgets it.
    public func takeSent() -> [Sent] {
        defer { sent.removeAll() }
        return sent
    }

    /// Moves the virtual clock forward, running every task and timer due by then.
    public func advance(by amount: TimeAmount) {
        embeddedLoop.advanceTime(by: amount)
    }
}
