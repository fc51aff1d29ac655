import SIPCore
import SIPStack
import SIPTransport

/// Callback entries across a restart: the router takes back each stored entry its shard owns as a
/// call waiting for an agent with no caller's leg, as the call stood when its caller left. The A-leg
/// INVITE is rebuilt from what the store kept (Call-ID, caller's number, number dialled, source) and
/// only serves the offers to agents and the call back; no response goes out for it.
extension CallRouter {
    /// Holds a restored callback entry as a call awaiting an agent (counted as a waiting caller). Call
    /// on the router's loop before any offer for it; a Call-ID the router already holds is left alone.
    public func restoreCallback(_ entry: RestoredCallback) {
        guard sessions[entry.callID] == nil else { return }
        let source = Self.peerAddress(entry.trunk) ?? context.configuration.trunk
        let invite = restoredInvite(entry, source: source)
        guard let transaction = context.stack.restoredServerTransaction(for: invite, from: source) else { return }
        // The caller was on answered hold; the offer it made then is gone with the earlier run, but the
        // call stays one of answered hold, so its end closes whatever stream the media edge opened for it.
        let session = CallSession(context: context, delegate: self, invite: invite, transaction: transaction, queue: entry.queue,
                                  holdOffer: HoldOffer(entry.callID))
        session.restoreCallback(attempts: entry.attempts, ringTimeout: entry.ringTimeout)
        sessions[entry.callID] = session
        context.configuration.census.restored()
        waitingCount += 1
        waitingByTrunk[source.ipAddress, default: 0] += 1
        context.logger.info("callback restored", metadata: ["sip.call_id": "\(entry.callID)", "acd.queue": "\(entry.queue)",
                                                            "acd.attempts": "\(entry.attempts)"])
    }

    /// The caller's INVITE as far as the call still needs it: Call-ID, the caller's number in From,
    /// the number dialled in the Request-URI, a Via toward where it came from.
    private func restoredInvite(_ entry: RestoredCallback, source: SIPPeerAddress) -> SIPRequest {
        let phone = [SIPParameter(name: "user", value: "phone")]
        let caller = SIPURI(user: entry.callerNumber, host: source.ipAddress, parameters: phone)
        let dialled = SIPURI(user: entry.dialedNumber, host: context.configuration.localHost, parameters: phone)
        let via = SIPVia(transport: source.transport.viaToken, host: source.ipAddress, port: source.port,
                         parameters: [SIPParameter(name: "branch", value: SIPRandomToken.branch())])
        let headers = SIPHeaders(via: [via], from: SIPNameAddress(uri: caller, parameters: [SIPParameter(name: "tag", value: SIPRandomToken.tag())]),
                                 to: SIPNameAddress(uri: dialled), callID: entry.callID, cseq: SIPCSeq(sequenceNumber: 1, method: .invite))
        return SIPRequest(method: .invite, requestURI: dialled, headers: headers)
    }

    /// The address of ``SIPPeerAddress/description`` (`udp:192.0.2.10:5060`, `tcp:2001:db8::1:5060`).
    static func peerAddress(_ text: String) -> SIPPeerAddress? {
        guard let transportEnd = text.firstIndex(of: ":"), let portStart = text.lastIndex(of: ":"), transportEnd < portStart,
              let transport = SIPTransportProtocol(rawValue: String(text[..<transportEnd])), let port = Int(text[text.index(after: portStart)...])
        else { return nil }
        return try? SIPPeerAddress(transport: transport, host: String(text[text.index(after: transportEnd)..<portStart]), port: port)
    }
}
