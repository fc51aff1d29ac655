import SIPCore
import SIPTransport

/// Answers without keeping state: the `503`s a full transaction table or a refused new call get.
extension TransactionLayer {
    /// A stateless `503` with Retry-After (RFC 3261 §21.5.4): no transaction, no state kept.
    func refuseForCapacity(_ request: SIPRequest, from source: SIPPeerAddress) {
        if !refusing {
            refusing = true
            logger.warning("server transaction table full: new requests get 503", metadata: ["sip.transactions": "\(serverTransactionCount)"])
        }
        refusedForCapacity += 1
        refuseStatelessly(request, from: source, reasonPhrase: nil)
    }

    /// Sends a `503` with Retry-After and keeps nothing. Its To tag is derived from the request's
    /// branch, so a retransmission gets the same tag (a stateless UAS, RFC 3261 §8.2.7).
    func refuseStatelessly(_ request: SIPRequest, from source: SIPPeerAddress, reasonPhrase: String?) {
        countResponse(statusCode: 503)
        var response = SIPResponse(replyingTo: request, statusCode: 503, reasonPhrase: reasonPhrase,
                                   toTag: Self.statelessTag(for: request))
        response.headers.add("Retry-After", String(retryAfterSeconds))
        sender.sendResponse(response, receivedFrom: source)
    }

    /// A To tag that depends only on the request's top Via branch (FNV-1a, the same in every process).
    static func statelessTag(for request: SIPRequest) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (request.headers.via.first?.branch ?? request.headers.callID).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "sl" + String(hash, radix: 36)
    }
}
