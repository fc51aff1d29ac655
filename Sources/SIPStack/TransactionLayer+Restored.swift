import SIPCore
import SIPTransaction
import SIPTransport

extension TransactionLayer {
    /// A server transaction standing for an INVITE an earlier run of the daemon received and answered
    /// (a callback entry restored after a restart): it is in no table, runs no timer and receives
    /// nothing; the call that holds it must send no response through it. Nil when `invite` has no Via.
    public func restoredServerTransaction(for invite: SIPRequest, from source: SIPPeerAddress) -> ServerTransaction? {
        eventLoop.preconditionInEventLoop()
        guard let key = ServerTransactionKey(request: invite) else { return nil }
        return ServerTransaction(request: invite, source: source, key: key, layer: self)
    }
}
