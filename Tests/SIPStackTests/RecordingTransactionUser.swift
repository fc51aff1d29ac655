import SIPCore
import SIPStack
import SIPTransport

/// A transaction user that keeps everything the layer hands up, in order.
final class RecordingTransactionUser: TransactionUser {
    var requests: [(request: SIPRequest, transaction: ServerTransaction)] = []
    var acks: [SIPRequest] = []
    var cancelled: [ServerTransaction] = []
    var strayResponses: [SIPResponse] = []
    var failed: [ServerTransaction] = []
    var batchesEnded = 0

    func receivedRequest(_ request: SIPRequest, transaction: ServerTransaction) {
        requests.append((request, transaction))
    }

    func receivedACK(_ ack: SIPRequest, from source: SIPPeerAddress) {
        acks.append(ack)
    }

    func receivedCANCEL(for invite: ServerTransaction) {
        cancelled.append(invite)
    }

    func receivedStrayResponse(_ response: SIPResponse, from source: SIPPeerAddress) {
        strayResponses.append(response)
    }

    func serverTransactionFailed(_ transaction: ServerTransaction) {
        failed.append(transaction)
    }

    func readBatchEnded() {
        batchesEnded += 1
    }
}
