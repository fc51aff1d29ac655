import SIPCore

extension SIPDialog {
    /// Checks a request the peer sent in this dialog and, when accepted, updates the dialog (§12.2.2).
    ///
    /// - Another dialog's request (`SIPDialogID.forIncoming(_:)` differs from `id`) gets
    ///   `481 Call/Transaction Does Not Exist`.
    /// - ACK and CANCEL are accepted without touching the remote sequence number: they carry the
    ///   number of the INVITE they belong to.
    /// - A CSeq number lower than or equal to the remote sequence number gets `500 Server Internal
    ///   Error`. Lower is out of order (§12.2.2). Equal is a retransmission, which the transaction layer
    ///   absorbs before it reaches the dialog, so one arriving here is out of order too.
    /// - Otherwise the remote sequence number becomes the request's; a target refresh request
    ///   (re-INVITE, UPDATE) with a Contact replaces the remote target.
    public mutating func validateIncoming(_ request: SIPRequest) -> IncomingRequestVerdict {
        guard SIPDialogID.forIncoming(request) == id else {
            return .reject(statusCode: 481, reasonPhrase: "Call/Transaction Does Not Exist")
        }
        if request.method == .ack || request.method == .cancel { return .accept }
        let sequenceNumber = request.headers.cseq.sequenceNumber
        if let remoteSequenceNumber, sequenceNumber <= remoteSequenceNumber {
            return .reject(statusCode: 500, reasonPhrase: "Server Internal Error")
        }
        remoteSequenceNumber = sequenceNumber
        if Self.isTargetRefresh(request.method), let contact = request.headers.contact.first {
            remoteTarget = contact.uri
        }
        return .accept
    }
}
