import SIPCore

extension SIPDialog {
    /// Builds the next request we send in the dialog (§12.2.1.1).
    ///
    /// The local sequence number goes up by one (an empty one starts at 1), except for ACK and
    /// CANCEL, which reuse the current number (they belong to the INVITE sent last). To carries the
    /// remote URI and tag, From the local URI and tag, Call-ID the dialog's. Request-URI and Route:
    /// - empty route set: Request-URI = remote target, no Route;
    /// - first route with `lr` (loose routing): Request-URI = remote target, Route = route set;
    /// - first route without `lr` (strict routing): Request-URI = that route's URI without the
    ///   `method` parameter and URI headers, Route = the rest of the route set, then the remote target.
    ///
    /// `via` is used as given (the caller supplies the new branch). A CANCEL must match the request it
    /// cancels (§9.1): build it with that request's `via`, and only when that request was sent last.
    public mutating func makeRequest(method: SIPMethod, via: SIPVia, contact: SIPNameAddress?, maxForwards: Int = 70,
                                     body: [UInt8] = [], contentType: String? = nil) -> SIPRequest {
        let sequenceNumber: UInt32
        if method == .ack || method == .cancel {
            sequenceNumber = localSequenceNumber ?? 1
        } else {
            sequenceNumber = localSequenceNumber.map { $0 + 1 } ?? 1
            localSequenceNumber = sequenceNumber
        }
        return request(method: method, sequenceNumber: sequenceNumber, via: via, contact: contact,
                       maxForwards: maxForwards, body: body, contentType: contentType)
    }

    /// Builds the ACK for a 2xx to the INVITE numbered `inviteSequenceNumber` (§13.2.2.4): built like
    /// any request in the dialog (route set applied), CSeq = that number with method ACK, no Contact.
    /// `via` must carry a new branch. The local sequence number is not changed.
    public func makeACK(inviteSequenceNumber: UInt32, via: SIPVia, maxForwards: Int = 70,
                        body: [UInt8] = [], contentType: String? = nil) -> SIPRequest {
        request(method: .ack, sequenceNumber: inviteSequenceNumber, via: via, contact: nil,
                maxForwards: maxForwards, body: body, contentType: contentType)
    }

    private func request(method: SIPMethod, sequenceNumber: UInt32, via: SIPVia, contact: SIPNameAddress?,
                         maxForwards: Int, body: [UInt8], contentType: String?) -> SIPRequest {
        var from = SIPNameAddress(uri: localURI)
        from.tag = id.localTag
        var to = SIPNameAddress(uri: remoteURI)
        if !id.remoteTag.isEmpty { to.tag = id.remoteTag }
        let (requestURI, route) = requestURIAndRoute()
        let headers = SIPHeaders(
            via: [via], from: from, to: to, callID: id.callID,
            cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: method),
            contact: contact.map { [$0] } ?? [], route: route,
            maxForwards: maxForwards, contentType: contentType
        )
        return SIPRequest(method: method, requestURI: requestURI, headers: headers, body: body)
    }

    private func requestURIAndRoute() -> (SIPURI, [SIPNameAddress]) {
        guard let first = routeSet.first else { return (remoteTarget, []) }
        if first.uri.parameters.contains(where: { $0.name.equalsIgnoringASCIICase("lr") }) {
            return (remoteTarget, routeSet)
        }
        var requestURI = first.uri
        requestURI.parameters.removeAll { $0.name.equalsIgnoringASCIICase("method") }
        requestURI.headers = []
        return (requestURI, routeSet.dropFirst() + [SIPNameAddress(uri: remoteTarget)])
    }
}
