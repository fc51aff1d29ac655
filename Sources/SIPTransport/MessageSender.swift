import NIOCore
import SIPCore

/// What the transaction layer sends through: `SIPTransport` on real sockets, a loopback sender in
/// tests. Confined to `eventLoop`, like every layer above it.
public protocol MessageSender: AnyObject, Sendable {
    /// The loop that owns the sender and everything above it.
    var eventLoop: any EventLoop { get }
    /// Sends serialized bytes to a peer.
    func send(_ bytes: [UInt8], to destination: SIPPeerAddress)
    /// Sends at once what `send` has queued, instead of after the batch of received messages being
    /// handled (for a `100 Trying`, whose purpose is to leave before the work it announces).
    func flushNow()
    /// Sends a response where RFC 3261 §18.2.2 says, given where its request came from.
    func sendResponse(_ response: SIPResponse, receivedFrom source: SIPPeerAddress?)
    /// Where RFC 3261 §18.2.2 sends a response now, given where its request came from.
    func responseDestination(for response: SIPResponse, receivedFrom source: SIPPeerAddress?) -> SIPPeerAddress?
}
