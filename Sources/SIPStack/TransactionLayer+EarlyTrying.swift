import SIPCore
import SIPTransaction
import SIPTransport

extension TransactionLayer {
    /// Answers a new call's INVITE, read from UDP and not parsed yet, `100 Trying` written from its
    /// bytes (``SIPEarlyTrying``): the transport asks for each new call of a read that holds several,
    /// before any of them is parsed, and hands them up once their 100s are sent, so that no caller's
    /// 100 waits for another INVITE's parse. The INVITE's transaction, once it is parsed, takes that
    /// 100 as its own.
    ///
    /// Returns false, and leaves the INVITE to be answered after its parse, when it is not plain
    /// enough to answer from its bytes, when its transaction exists already (a retransmission: the
    /// transaction answers it) or it was answered so in this batch, when the table of server
    /// transactions is full, or when ``admission`` is refusing new calls now: a refused call gets its
    /// `503` alone.
    public func answerNewCallEarly(_ bytes: UnsafeRawBufferPointer, from source: SIPPeerAddress) -> Bool {
        guard source.transport == .udp, serverTransactions.count < maximumServerTransactions,
              admission?.admitsNewCallsAtOnce ?? true,
              let trying = SIPEarlyTrying(invite: bytes, sourceIP: source.ipAddress, sourcePort: source.port),
              let key = ServerTransactionKey(inviteBranch: trying.branch, host: trying.sentByHost, port: trying.sentByPort),
              serverTransactions[.server(key)] == nil, earlyTryings[key] == nil else { return false }
        sender.send(trying.bytes, to: source)
        countResponse(statusCode: 100)
        earlyTryings[key] = trying.bytes
        return true
    }
}
