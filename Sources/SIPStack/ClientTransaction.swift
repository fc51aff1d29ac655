import NIOCore
import SIPCore
import SIPTransaction
import SIPTransport

/// A client transaction on the event loop: drives `InviteClientTransaction` or
/// `NonInviteClientTransaction`, sends and retransmits the request, builds the ACK for a non-2xx final
/// response (RFC 3261 §17.1.1.3) and hands every response to its TU callback. A timeout reaches the TU
/// as a `408` and a transport failure as a `503`, as §8.1.3.1 says.
public final class ClientTransaction: TransactionTimerTarget, @unchecked Sendable {
    private enum Machine {
        case invite(InviteClientTransaction)
        case nonInvite(NonInviteClientTransaction)
    }

    /// The request and what goes with it until the final response; released then, so a transaction
    /// that only lingers (Timer D, K or M) keeps one pointer's room for it.
    private var inFlight: RequestInFlight?
    private var request: SIPRequest? { inFlight?.request }
    /// Where it is sent.
    public let destination: SIPPeerAddress
    let key: ClientTransactionKey
    private unowned let layer: TransactionLayer
    private var machine: Machine
    /// Whether the transaction has ended and left the layer's table (next to the state machine, in
    /// its padding).
    public private(set) var isTerminated = false
    private var ackBytes: [UInt8]?
    private let onResponse: (SIPResponse) -> Void
    private var timers = TransactionTimerSet()

    init(request: SIPRequest, destination: SIPPeerAddress, key: ClientTransactionKey, layer: TransactionLayer,
         onResponse: @escaping (SIPResponse) -> Void) {
        inFlight = RequestInFlight(request)
        self.destination = destination
        self.key = key
        self.layer = layer
        self.onResponse = onResponse
        let reliable = destination.transport.isReliable
        machine = request.method == .invite
            ? .invite(InviteClientTransaction(reliable: reliable, timers: layer.timers))
            : .nonInvite(NonInviteClientTransaction(reliable: reliable, timers: layer.timers))
    }

    func start() {
        apply { machine in
            switch machine {
            case .invite(var invite): let actions = invite.start(); machine = .invite(invite); return actions
            case .nonInvite(var other): let actions = other.start(); machine = .nonInvite(other); return actions
            }
        }
    }

    func receivedResponse(_ response: SIPResponse) {
        defer {
            if response.statusCode >= 200 { releaseRequest() }
        }
        if response.statusCode < 200, let inFlight {
            inFlight.receivedProvisional = true
            if inFlight.cancelRequested { sendCANCEL() }
        }
        apply(response: response) { machine in
            switch machine {
            case .invite(var invite):
                let actions = invite.receivedResponse(statusCode: response.statusCode)
                machine = .invite(invite)
                return actions
            case .nonInvite(var other):
                let actions = other.receivedResponse(statusCode: response.statusCode)
                machine = .nonInvite(other)
                return actions
            }
        }
    }

    /// Cancels a pending INVITE (RFC 3261 §9.1): at once if a provisional response arrived, otherwise
    /// as soon as one does; nothing once a final response arrived. `reason` becomes a Reason header (RFC 3326).
    public func cancel(reason: String? = nil) {
        layer.eventLoop.preconditionInEventLoop()
        guard case .invite(let invite) = machine, let inFlight, !inFlight.cancelRequested, !isTerminated,
              invite.state == .calling || invite.state == .proceeding else { return }
        inFlight.cancelRequested = true
        inFlight.cancelReason = reason
        if inFlight.receivedProvisional { sendCANCEL() }
    }

    private func sendCANCEL() {
        guard let inFlight else { return }
        let request = inFlight.request
        var headers = SIPHeaders(via: Array(request.headers.via.prefix(1)), from: request.headers.from, to: request.headers.to,
                                 callID: request.headers.callID,
                                 cseq: SIPCSeq(sequenceNumber: request.headers.cseq.sequenceNumber, method: .cancel),
                                 route: request.headers.route, maxForwards: 70)
        if let cancelReason = inFlight.cancelReason { headers.add("Reason", cancelReason) }
        layer.send(SIPRequest(method: .cancel, requestURI: request.requestURI, headers: headers), to: destination) { _ in }
        inFlight.cancelDeadline = layer.timerWheel.schedule(after: layer.timers.t1 * 64) { [weak self] in self?.noFinalResponseAfterCANCEL() }
    }

    /// RFC 3261 §9.1: an INVITE whose CANCEL got no final response within 64·T1 is given up, as a
    /// 408 to the TU; otherwise its transaction would wait in Proceeding for ever. A final response
    /// cancels this deadline with the rest of the request's state.
    private func noFinalResponseAfterCANCEL() {
        inFlight?.cancelDeadline = nil
        guard !isTerminated, inFlight != nil else { return }
        perform(.timeout)
        perform(.terminated)
    }

    func timerFired(_ timer: TransactionTimer) {
        guard !isTerminated else { return }
        apply { machine in
            switch machine {
            case .invite(var invite): let actions = invite.timerFired(timer); machine = .invite(invite); return actions
            case .nonInvite(var other): let actions = other.timerFired(timer); machine = .nonInvite(other); return actions
            }
        }
    }

    /// Steps the state machine and performs its actions; `response` is the response being handled, if any.
    private func apply(response: SIPResponse? = nil, _ step: (inout Machine) -> [ClientTransactionAction]) {
        let actions = step(&machine)
        for action in actions { perform(action, response: response) }
    }

    private func perform(_ action: ClientTransactionAction, response: SIPResponse? = nil) {
        switch action {
        case .sendRequest:
            if let inFlight { layer.sender.send(inFlight.bytes, to: destination) }
        case .sendACK:
            if ackBytes == nil, let request, let response { ackBytes = Self.makeACK(for: response, to: request).serialized() }
            if let ackBytes { layer.sender.send(ackBytes, to: destination) }
        case .deliverResponse:
            if let response { onResponse(response) }
        case .startTimer(let timer, let delay):
            timers.start(timer, after: delay, on: layer.timerWheel, for: self)
        case .cancelTimer(let timer):
            timers.cancel(timer, on: layer.timerWheel)
        case .timeout:
            layer.countTimeout()
            deliverLocally(statusCode: 408)
        case .transportError:
            deliverLocally(statusCode: 503)
        case .terminated:
            isTerminated = true
            timers.cancelAll(on: layer.timerWheel)
            if let deadline = inFlight?.cancelDeadline { layer.timerWheel.cancel(deadline) }
            layer.remove(self)
        }
    }

    /// A response the transaction makes itself (§8.1.3.1): 408 on timeout, 503 on transport failure.
    private func deliverLocally(statusCode: Int) {
        guard let request else { return }
        releaseRequest()
        onResponse(SIPResponse(replyingTo: request, statusCode: statusCode))
    }

    /// Once a final response arrived nothing is sent again but the ACK: the request goes, and with
    /// it the wait for a response to a CANCEL.
    private func releaseRequest() {
        if let deadline = inFlight?.cancelDeadline { layer.timerWheel.cancel(deadline) }
        inFlight = nil
    }

    /// The ACK for a non-2xx final response (RFC 3261 §17.1.1.3).
    private static func makeACK(for response: SIPResponse, to request: SIPRequest) -> SIPRequest {
        let headers = SIPHeaders(via: Array(request.headers.via.prefix(1)), from: request.headers.from, to: response.headers.to,
                                 callID: request.headers.callID,
                                 cseq: SIPCSeq(sequenceNumber: request.headers.cseq.sequenceNumber, method: .ack),
                                 route: request.headers.route, maxForwards: 70)
        return SIPRequest(method: .ack, requestURI: request.requestURI, headers: headers)
    }
}
