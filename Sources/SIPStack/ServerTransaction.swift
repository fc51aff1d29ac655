import NIOCore
import SIPCore
import SIPTransaction
import SIPTransport

/// A server transaction on the event loop: drives `InviteServerTransaction` or
/// `NonInviteServerTransaction` and performs their actions (responses, timers, removal).
public final class ServerTransaction: TransactionTimerTarget, @unchecked Sendable {
    private enum Machine {
        case invite(InviteServerTransaction)
        case nonInvite(NonInviteServerTransaction)
    }

    /// The request that created the transaction, with its top Via stamped by the transport, while
    /// no final response is sent (boxed, so the transaction shrinks to its key and latest response
    /// once it only lingers to absorb retransmissions).
    private var pending: PendingRequest?
    /// The request's Call-ID.
    public let callID: String
    /// The request's method.
    public let method: SIPMethod
    /// Where the request came from.
    public let source: SIPPeerAddress
    let key: ServerTransactionKey
    private unowned let layer: TransactionLayer
    private var machine: Machine
    /// The status code of the last response sent (100–699), next to the state machine so that both
    /// share its padding.
    private var latestStatusCode: UInt16?
    /// Whether the transaction has ended and left the layer's table.
    public private(set) var isTerminated = false
    /// The last response sent, serialized once, with where it went, while the state machine may
    /// send it again (not after a 2xx to INVITE: the TU retransmits that one itself). Where it went
    /// is the request's source itself when it is the same address (RFC 3581's rport), so a lingering
    /// transaction keeps one address, not two.
    private var latest: (bytes: [UInt8], destination: SIPPeerAddress)?
    private var timers = TransactionTimerSet()
    private lazy var localTag = SIPRandomToken.tag()

    init(request: SIPRequest, source: SIPPeerAddress, key: ServerTransactionKey, layer: TransactionLayer) {
        pending = PendingRequest(request)
        callID = request.headers.callID
        method = request.method
        self.source = source
        self.key = key
        self.layer = layer
        let reliable = source.transport.isReliable
        machine = request.method == .invite
            ? .invite(InviteServerTransaction(reliable: reliable, timers: layer.timers))
            : .nonInvite(NonInviteServerTransaction(reliable: reliable, timers: layer.timers))
    }

    /// The request, until a final response is sent; nil after.
    public var request: SIPRequest? { pending?.request }

    /// The status code of the final response sent, if one was.
    public var finalStatusCode: Int? {
        guard let status = latestStatusCode, status >= 200 else { return nil }
        return Int(status)
    }

    /// Sends a response (provisional or final) through the transaction; ignored once terminated, and
    /// a `100 Trying` after any other response (or an earlier 100) is not sent.
    /// A response other than 100 without a To tag gets the transaction's own tag (RFC 3261 §8.2.6.2),
    /// the same one for every response of the transaction.
    public func respond(_ response: SIPResponse) {
        layer.eventLoop.preconditionInEventLoop()
        guard !isTerminated, finalStatusCode == nil || (response.statusCode >= 200 && response.statusCode < 300),
              response.statusCode != 100 || latestStatusCode == nil else { return }
        var response = response
        if response.statusCode > 100, response.headers.to.tag == nil {
            response.headers.to.tag = localTag
        }
        latestStatusCode = UInt16(clamping: response.statusCode)
        latest = layer.sender.responseDestination(for: response, receivedFrom: source).map { destination in
            (response.serialized(), destination == source ? source : destination)
        }
        if response.statusCode >= 200 { pending = nil }
        switch machine {
        case .invite(var invite):
            let actions = invite.sendResponse(statusCode: response.statusCode)
            machine = .invite(invite)
            perform(actions)
            if response.statusCode >= 200 && response.statusCode < 300 { latest = nil }
        case .nonInvite(var nonInvite):
            let actions = nonInvite.sendResponse(statusCode: response.statusCode)
            machine = .nonInvite(nonInvite)
            perform(actions)
        }
    }

    /// Sends a response built from the request with `statusCode` and optional extra headers; ignored
    /// once a final response was sent (the request is gone: send another 2xx with `respond(_:)`).
    public func respond(statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil, headers: [SIPHeaderField] = []) {
        guard let request, statusCode != 100 || latestStatusCode == nil else { return }
        var response = SIPResponse(replyingTo: request, statusCode: statusCode, reasonPhrase: reasonPhrase, toTag: toTag)
        response.headers.fields.append(contentsOf: headers)
        respond(response)
    }

    /// Takes a `100 Trying` the layer already sent for the INVITE, written from its bytes before the
    /// parse (`TransactionLayer.answerNewCallEarly`), as the latest response: a retransmission of the
    /// INVITE gets it again, and the TU's own 100 is not sent twice.
    func adoptTrying(_ bytes: [UInt8]) {
        guard case .invite(var invite) = machine else { return }
        latestStatusCode = 100
        latest = (bytes, source)
        let actions = invite.sendResponse(statusCode: 100)
        machine = .invite(invite)
        perform(actions.filter { if case .sendResponse = $0 { false } else { true } })
    }

    func receivedRetransmission() {
        switch machine {
        case .invite(var invite):
            let actions = invite.receivedRequest()
            machine = .invite(invite)
            perform(actions)
        case .nonInvite(var nonInvite):
            let actions = nonInvite.receivedRequest()
            machine = .nonInvite(nonInvite)
            perform(actions)
        }
    }

    func receivedACK(_ ack: SIPRequest) {
        guard case .invite(var invite) = machine else { return }
        let actions = invite.receivedACK()
        machine = .invite(invite)
        perform(actions, ack: ack)
    }

    func timerFired(_ timer: TransactionTimer) {
        guard !isTerminated else { return }
        switch machine {
        case .invite(var invite):
            let actions = invite.timerFired(timer)
            machine = .invite(invite)
            perform(actions)
        case .nonInvite(var nonInvite):
            let actions = nonInvite.timerFired(timer)
            machine = .nonInvite(nonInvite)
            perform(actions)
        }
    }

    /// Performs the state machine's actions; `ack` is the ACK being handled, if any.
    private func perform(_ actions: [ServerTransactionAction], ack: SIPRequest? = nil) {
        for action in actions {
            switch action {
            case .sendResponse:
                if let latestStatusCode { layer.countResponse(statusCode: Int(latestStatusCode)) }
                if let latest { layer.sender.send(latest.bytes, to: latest.destination) }
                if latestStatusCode == 100 { layer.sender.flushNow() }
            case .retransmitResponse:
                if let latest { layer.sender.send(latest.bytes, to: latest.destination) }
            case .deliverACK:
                if let ack { layer.user?.receivedACK(ack, from: source) }
            case .startTimer(let timer, let delay):
                timers.start(timer, after: delay, on: layer.timerWheel, for: self)
            case .cancelTimer(let timer):
                timers.cancel(timer, on: layer.timerWheel)
            case .timeout:
                layer.countTimeout()
                layer.user?.serverTransactionFailed(self)
            case .transportError:
                layer.user?.serverTransactionFailed(self)
            case .terminated:
                isTerminated = true
                timers.cancelAll(on: layer.timerWheel)
                layer.remove(self)
            }
        }
    }
}
