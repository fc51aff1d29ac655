import SIPCore
import SIPTransport
import SwitchboardTestKit
import Testing

extension LoopbackMessageSender.Sent {
    /// `INVITE` for a request, `180 INVITE` (status and CSeq method) for a response.
    var summary: String {
        switch message {
        case .request(let request): request.method.token
        case .response(let response): "\(response.statusCode) \(response.headers.cseq.method.token)"
        }
    }
}

extension [LoopbackMessageSender.Sent] {
    /// Each message's `summary`, in order.
    var summary: [String] { map(\.summary) }

    /// The requests sent with this method, in order.
    func requests(_ method: SIPMethod) -> [SIPRequest] {
        compactMap(\.request).filter { $0.method == method }
    }

    /// The responses sent, in order.
    var responses: [SIPResponse] { compactMap(\.response) }

    /// Whether every message went to `peer`.
    func allSent(to peer: SIPPeerAddress) -> Bool {
        allSatisfy { $0.destination == peer }
    }
}

extension SIPRequest {
    /// The E.164 number of the Request-URI.
    var number: String? { requestURI.user }
}

extension CallHarness {
    /// Lets the 64·T1 linger pass and expects nothing held: no call, no dialog, no transaction.
    func expectNothingHeldAfterLinger(sourceLocation: SourceLocation = #_sourceLocation) {
        let late = waitOutLinger()
        #expect(late.summary == [], "sent during the linger", sourceLocation: sourceLocation)
        #expect(router.liveCounts.calls == 0, "calls held", sourceLocation: sourceLocation)
        #expect(router.liveCounts.dialogs == 0, "dialogs held", sourceLocation: sourceLocation)
        #expect(layer.serverTransactionCount == 0, "server transactions held", sourceLocation: sourceLocation)
        #expect(layer.clientTransactionCount == 0, "client transactions held", sourceLocation: sourceLocation)
    }
}
