import Logging
import SIPCore
import SIPDialog
import SIPStack
import SIPTransport

/// What every call of one router shares: the transaction layer it sends through, the trunk,
/// Switchboard's own addresses, the RFC 4028 policy, the clock and the logger. Immutable but for
/// the number plan a reload replaces, and one instance shared by every call (live or lingering), so
/// a call holds a pointer to it and never reaches back into the router for these.
final class CallContext {
    /// The transaction layer (and through it the loop's clock and timer wheel).
    let stack: TransactionLayer
    /// The deployment facts.
    let configuration: CallRouterConfiguration
    /// Builds B-leg INVITEs toward the trunk.
    let agentInvites: AgentInviteBuilder
    /// Switchboard's Contact for the dialogs it creates.
    let localContact: SIPNameAddress
    /// The daemon's logger.
    let logger: Logger
    /// Where the calls report what the trunk did with their B-leg INVITEs.
    let trunkFeedback = TrunkFeedback()
    /// Each number a queue serves and that queue's name; a reload replaces it.
    var queueByNumber: [String: String]
    /// Answered hold, when some queue has it.
    var holdMedia: (any HoldMedia)?
    /// The media of callbacks, when some queue offers them.
    var callbackMedia: (any CallbackMedia)?

    init(stack: TransactionLayer, configuration: CallRouterConfiguration, logger: Logger) {
        self.stack = stack
        self.configuration = configuration
        self.agentInvites = configuration.agentInvites
        self.localContact = configuration.localContact
        self.queueByNumber = configuration.queueByNumber
        self.logger = logger
    }

    /// The RFC 4028 policy for both legs.
    var sessionTimer: SessionTimer { configuration.sessionTimer }

    /// The loop's clock: time since the timer wheel started.
    var now: Duration { stack.timerWheel.now }

    /// A Via for a request Switchboard sends toward the trunk: a fresh branch, `rport` (RFC 3581).
    func makeVia() -> SIPVia {
        SIPVia(transport: configuration.trunk.transport.viaToken, host: configuration.localHost, port: configuration.localPort,
               parameters: [SIPParameter(name: "branch", value: SIPRandomToken.branch()), SIPParameter(name: "rport")])
    }

    /// The next hop of an in-dialog request (RFC 3261 §8.1.2): the first Route, else the Request-URI,
    /// when it names an IP address; otherwise the trunk, which is every dialog's next hop in practice.
    func nextHop(for request: SIPRequest) -> SIPPeerAddress {
        let trunk = configuration.trunk
        let uri = request.headers.route.first?.uri ?? request.requestURI
        let transportName = uri.parameters[parameter: "transport"] ?? nil
        let transport = transportName.flatMap { SIPTransportProtocol(rawValue: $0.lowercased()) }
            ?? (uri.scheme == "sips" ? .tls : trunk.transport)
        let port = uri.port ?? (transport == .tls ? 5061 : 5060)
        if trunk.isAt(transport, host: uri.host, port: port) { return trunk }
        return (try? SIPPeerAddress(transport: transport, host: uri.host, port: port)) ?? trunk
    }

    /// Sends a request in a client transaction to its next hop; `onResponse` gets every response.
    @discardableResult
    func send(_ request: SIPRequest, onResponse: @escaping (SIPResponse) -> Void) -> ClientTransaction? {
        stack.send(request, to: nextHop(for: request), onResponse: onResponse)
    }

    /// Sends the ACK for a 2xx to its next hop (RFC 3261 §13.2.2.4: the ACK is not a transaction).
    func sendACK(_ ack: SIPRequest) {
        stack.sendACK(ack, to: nextHop(for: ack))
    }

    /// Sends BYE in a dialog; its response needs no handling.
    func sendBYE(in dialog: inout SIPDialog) {
        send(dialog.makeRequest(method: .bye, via: makeVia(), contact: nil)) { _ in }
    }

    /// A new B-leg Call-ID for `attempt`, hashing to this router's shard (``CallPlacement``), so the
    /// B-leg's responses and requests reach the shard that holds the call.
    func makeBLegCallID(attempt: Int) -> String {
        configuration.placement.makeCallID { "sb-\(SIPRandomToken.tag())-\(attempt)" }
    }

    /// A new Call-ID for a callback's call to the caller, hashing to this router's shard.
    func makeCallbackCallID() -> String {
        configuration.placement.makeCallID { "sb-cb-\(SIPRandomToken.tag())" }
    }

    /// The queue serving `number`, if any.
    func queue(servingNumber number: String) -> String? {
        queueByNumber[number]
    }
}
