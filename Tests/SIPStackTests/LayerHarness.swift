import Logging
import SIPCore
import SIPStack
import SIPTransaction
import SIPTransport
import SwitchboardTestKit

/// A transaction layer over the loopback sender with a recording TU; the SBC at `peer` over UDP.
final class LayerHarness {
    let sender = LoopbackMessageSender()
    let layer: TransactionLayer
    let user = RecordingTransactionUser()
    let peer: SIPPeerAddress

    init(maximumServerTransactions: Int = 200_000) throws {
        peer = try SIPPeerAddress(transport: .udp, host: "192.0.2.10", port: 5060)
        layer = TransactionLayer(sender: sender, timers: TransactionTimers(), logger: Logger(label: "sip-stack-tests") { _ in SwiftLogNoOpLogHandler() },
                                 maximumServerTransactions: maximumServerTransactions, retryAfterSeconds: 7)
        layer.user = user
    }

    /// The layer's T1.
    var t1: Duration { layer.timers.t1 }

    /// Delivers a message from the peer and returns what the layer sent in reaction.
    @discardableResult
    func receive(_ message: SIPMessage) -> [String] {
        layer.receive(SIPInboundMessage(message: message, source: peer))
        return takeSent()
    }

    /// Moves the virtual clock and returns what the layer sent meanwhile.
    @discardableResult
    func advance(by duration: Duration) -> [String] {
        let (seconds, attoseconds) = duration.components
        sender.advance(by: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        return takeSent()
    }

    /// What was sent since the last call, each as `METHOD` or `status CSEQ-METHOD`.
    func takeSent() -> [String] {
        sender.takeSent().map { sent in
            switch sent.message {
            case .request(let request): request.method.token
            case .response(let response): "\(response.statusCode) \(response.headers.cseq.method.token)"
            }
        }
    }

    /// An SBC caller to a queue number at 192.0.2.1.
    func caller() -> SBCCaller {
        SBCCaller(calling: "+15550100", switchboardHost: "192.0.2.1", sbcHost: "192.0.2.10")
    }
}
